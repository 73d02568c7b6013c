"""explorer.render"""
