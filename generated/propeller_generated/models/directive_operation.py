# Generated from spec/propeller.yaml by `make generate`. DO NOT EDIT.
# Change the spec or spec/propeller-config.yaml, then run `make generate`.
from enum import StrEnum


class DirectiveOperation(StrEnum):
    MERGETRANSLATIONSONUPDATE = "mergeTranslationsOnUpdate"
    SKIPIFNOTEMPTY = "skipIfNotEmpty"
    SKIPMOVEONUPDATE = "skipMoveOnUpdate"

    def __str__(self) -> str:
        return str(self.value)
