"""Publishing to the portal's CMS over its REST API (WordPress).

``settings`` says where and as whom, ``client`` speaks HTTP, ``publisher``
sends the photos and the post and keeps the article's ``"publish"``
record, ``command`` is what ``python main.py publish`` runs.
"""
