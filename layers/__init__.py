"""The data model of Mining Impact Explorer: read, validate, repair, roles, mappings, styles,
project file and partnership registry.  No Qt, and nothing from ``explorer``."""
