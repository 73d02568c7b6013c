"""explorer.i18n"""
