"""explorer.qt"""
