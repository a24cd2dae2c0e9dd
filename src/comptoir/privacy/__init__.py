"""A customer's personal data (GDPR, articles 15, 17 and 20): a copy to download, and erasure.

It reads and anonymises across the shop (orders, reviews, comments, events, newsletter), so it sits
above those domain apps. It has no models.
"""
