"""explorer.analysis"""
