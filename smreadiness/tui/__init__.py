"""The interview screens (Textual). The only package that imports Textual.

Screens other than the first one are imported when first shown, so startup stays quick.
"""
