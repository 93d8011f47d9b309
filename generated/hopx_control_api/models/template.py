from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..models.template_object import TemplateObject
from ..models.template_status import TemplateStatus
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.template_resources import TemplateResources


T = TypeVar("T", bound="Template")


@_attrs_define(eq=False, repr=False)
class Template(WireModel):
    """A template. `resources` equals `default_resources` (the resources a new sandbox gets); it is
    there because the public reference reads `template.resources.vcpu`.

        Attributes:
            id (str): Template id (numeric string on the cloud).
            name (str): Unique name (slug), e.g. `code-interpreter`.
            display_name (str):
            is_public (bool): Public template (vs. the organization's own).
            status (TemplateStatus): `pending` (queued), `building`, `active` (usable), `failed` (build failed), `archived`
                (no longer offered).
            object_ (TemplateObject): Always `template` (object type of a template).
            description (None | str | Unset):
            category (None | str | Unset): Category, e.g. `development` (filter of `listTemplates`).
            language (None | str | Unset): Primary language, e.g. `python` (filter of `listTemplates`).
            icon (None | str | Unset): Icon URL or emoji.
            resources (TemplateResources | Unset):
            default_resources (TemplateResources | Unset):
            min_resources (TemplateResources | Unset):
            max_resources (TemplateResources | Unset):
            features (list[str] | Unset):
            tags (list[str] | Unset):
            popularity_score (int | None | Unset):
            docs_url (None | str | Unset):
            is_active (bool | Unset): Whether sandboxes can be created from it (the published SDK assumes true when absent).
            build_id (None | str | Unset): Latest build, for its logs.
            organization_id (None | str | Unset): Owning organization; null for public templates.
            created_at (datetime.datetime | None | Unset):
            updated_at (datetime.datetime | None | Unset):
            request_id (str | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "name",
            "display_name",
            "is_public",
            "status",
            "object",
            "description",
            "category",
            "language",
            "icon",
            "resources",
            "default_resources",
            "min_resources",
            "max_resources",
            "features",
            "tags",
            "popularity_score",
            "docs_url",
            "is_active",
            "build_id",
            "organization_id",
            "created_at",
            "updated_at",
            "request_id",
        }
    )

    id: str
    name: str
    display_name: str
    is_public: bool
    status: TemplateStatus
    object_: TemplateObject
    description: None | str | Unset = UNSET
    category: None | str | Unset = UNSET
    language: None | str | Unset = UNSET
    icon: None | str | Unset = UNSET
    resources: TemplateResources | Unset = UNSET
    default_resources: TemplateResources | Unset = UNSET
    min_resources: TemplateResources | Unset = UNSET
    max_resources: TemplateResources | Unset = UNSET
    features: list[str] | Unset = UNSET
    tags: list[str] | Unset = UNSET
    popularity_score: int | None | Unset = UNSET
    docs_url: None | str | Unset = UNSET
    is_active: bool | Unset = UNSET
    build_id: None | str | Unset = UNSET
    organization_id: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    request_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        display_name = self.display_name

        is_public = self.is_public

        status = self.status.value

        object_ = self.object_.value

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        icon: None | str | Unset
        if isinstance(self.icon, Unset):
            icon = UNSET
        else:
            icon = self.icon

        resources: dict[str, Any] | Unset = UNSET
        if not isinstance(self.resources, Unset):
            resources = self.resources.to_dict()

        default_resources: dict[str, Any] | Unset = UNSET
        if not isinstance(self.default_resources, Unset):
            default_resources = self.default_resources.to_dict()

        min_resources: dict[str, Any] | Unset = UNSET
        if not isinstance(self.min_resources, Unset):
            min_resources = self.min_resources.to_dict()

        max_resources: dict[str, Any] | Unset = UNSET
        if not isinstance(self.max_resources, Unset):
            max_resources = self.max_resources.to_dict()

        features: list[str] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = self.features

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        popularity_score: int | None | Unset
        if isinstance(self.popularity_score, Unset):
            popularity_score = UNSET
        else:
            popularity_score = self.popularity_score

        docs_url: None | str | Unset
        if isinstance(self.docs_url, Unset):
            docs_url = UNSET
        else:
            docs_url = self.docs_url

        is_active = self.is_active

        build_id: None | str | Unset
        if isinstance(self.build_id, Unset):
            build_id = UNSET
        else:
            build_id = self.build_id

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        else:
            organization_id = self.organization_id

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        request_id = self.request_id

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "id": id,
                "name": name,
                "display_name": display_name,
                "is_public": is_public,
                "status": status,
                "object": object_,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if category is not UNSET:
            field_dict["category"] = category
        if language is not UNSET:
            field_dict["language"] = language
        if icon is not UNSET:
            field_dict["icon"] = icon
        if resources is not UNSET:
            field_dict["resources"] = resources
        if default_resources is not UNSET:
            field_dict["default_resources"] = default_resources
        if min_resources is not UNSET:
            field_dict["min_resources"] = min_resources
        if max_resources is not UNSET:
            field_dict["max_resources"] = max_resources
        if features is not UNSET:
            field_dict["features"] = features
        if tags is not UNSET:
            field_dict["tags"] = tags
        if popularity_score is not UNSET:
            field_dict["popularity_score"] = popularity_score
        if docs_url is not UNSET:
            field_dict["docs_url"] = docs_url
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if build_id is not UNSET:
            field_dict["build_id"] = build_id
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.template_resources import TemplateResources  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        id = _types.as_str(d.get("id"))

        name = _types.as_str(d.get("name"))

        display_name = _types.as_str(d.get("display_name"))

        is_public = _types.as_bool(d.get("is_public"))

        status = _types.as_enum(TemplateStatus, d.get("status"))

        object_ = _types.as_enum(TemplateObject, d.get("object"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.get("description"))

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.get("category"))

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.get("language"))

        def _parse_icon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        icon = _parse_icon(d.get("icon"))

        _resources = d.get("resources")
        resources: TemplateResources | Unset
        if isinstance(_resources, Unset):
            resources = UNSET
        else:
            resources = TemplateResources.from_dict(_resources)

        _default_resources = d.get("default_resources")
        default_resources: TemplateResources | Unset
        if isinstance(_default_resources, Unset):
            default_resources = UNSET
        else:
            default_resources = TemplateResources.from_dict(_default_resources)

        _min_resources = d.get("min_resources")
        min_resources: TemplateResources | Unset
        if isinstance(_min_resources, Unset):
            min_resources = UNSET
        else:
            min_resources = TemplateResources.from_dict(_min_resources)

        _max_resources = d.get("max_resources")
        max_resources: TemplateResources | Unset
        if isinstance(_max_resources, Unset):
            max_resources = UNSET
        else:
            max_resources = TemplateResources.from_dict(_max_resources)

        features = cast(list[str] | Unset, d.get("features"))

        tags = cast(list[str] | Unset, d.get("tags"))

        def _parse_popularity_score(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        popularity_score = _parse_popularity_score(d.get("popularity_score"))

        def _parse_docs_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        docs_url = _parse_docs_url(d.get("docs_url"))

        is_active = _types.as_bool_or_none(d.get("is_active"))

        def _parse_build_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        build_id = _parse_build_id(d.get("build_id"))

        def _parse_organization_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization_id = _parse_organization_id(d.get("organization_id"))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = _types.as_datetime_or_none(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.get("created_at"))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = _types.as_datetime_or_none(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.get("updated_at"))

        request_id = _types.as_str_or_none(d.get("request_id"))

        _template_instance = cls(
            id=id,
            name=name,
            display_name=display_name,
            is_public=is_public,
            status=status,
            object_=object_,
            description=description,
            category=category,
            language=language,
            icon=icon,
            resources=resources,
            default_resources=default_resources,
            min_resources=min_resources,
            max_resources=max_resources,
            features=features,
            tags=tags,
            popularity_score=popularity_score,
            docs_url=docs_url,
            is_active=is_active,
            build_id=build_id,
            organization_id=organization_id,
            created_at=created_at,
            updated_at=updated_at,
            request_id=request_id,
        )
        dict.update(_template_instance, d)
        return _template_instance

    @property
    def object(self) -> TemplateObject:
        """``object_``, by its wire name."""
        return self.object_
