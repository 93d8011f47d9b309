from enum import StrEnum


class RegistryCredentialsType(StrEnum):
    BASIC = "basic"
    ECR = "ecr"
    GCR = "gcr"
    GITHUB = "github"
    GITLAB = "gitlab"

    def __str__(self) -> str:
        return str(self.value)
