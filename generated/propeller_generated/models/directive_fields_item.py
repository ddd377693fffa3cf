# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
from enum import StrEnum


class DirectiveFieldsItem(StrEnum):
    ATTRIBUTES = "attributes"
    DESCRIPTIONS = "descriptions"
    ID = "id"
    LANGUAGE = "language"
    NAMES = "names"
    PARENT = "parent"
    SHORTDESCRIPTIONS = "shortDescriptions"
    SOURCE = "source"
    SOURCEID = "sourceId"

    def __str__(self) -> str:
        return str(self.value)
