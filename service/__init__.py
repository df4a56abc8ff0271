"""The HOCR decision service (distribution hocr-decision-service, command hocr)."""


def version() -> str:
    """The installed distribution's version (the CLI's --version, the HTTP door's OpenAPI)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as _v

    try:
        return _v("hocr-decision-service")
    except PackageNotFoundError:
        return "0+unknown"
