"""explorer.report"""
