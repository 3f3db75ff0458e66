"""The drafts library and the review of a draft: the library dock, the Tin khác picker, the review button, revisions."""
