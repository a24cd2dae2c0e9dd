"""Journal posts and pages for tests."""

from __future__ import annotations

import factory
from django.utils import timezone

from comptoir.content.models import Category, Page, Post, PostStatus, Tag
from tests.factories import UserFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name_fr = factory.Sequence(lambda n: f"Rubrique {n}")
    name_en = factory.Sequence(lambda n: f"Rubric {n}")
    slug_fr = factory.Sequence(lambda n: f"rubrique-{n}")
    slug_en = factory.Sequence(lambda n: f"rubric-{n}")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name_fr = factory.Sequence(lambda n: f"Mot {n}")
    name_en = factory.Sequence(lambda n: f"Word {n}")
    slug_fr = factory.Sequence(lambda n: f"mot-{n}")
    slug_en = factory.Sequence(lambda n: f"word-{n}")


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post
        skip_postgeneration_save = True

    title_fr = factory.Sequence(lambda n: f"Article {n}")
    title_en = factory.Sequence(lambda n: f"Post {n}")
    slug_fr = factory.Sequence(lambda n: f"article-{n}")
    slug_en = factory.Sequence(lambda n: f"post-{n}")
    excerpt_fr = "Deux phrases qui donnent envie de lire la suite de cet article, écrit à l'atelier."
    excerpt_en = "Two sentences that make you want to read the rest of this post, written in the workshop."
    body_fr = "## Un titre\n\nUn texte en **gras** et un [lien](https://example.com)."
    body_en = "## A heading\n\nA text in **bold** and a [link](https://example.com)."
    author = factory.SubFactory(UserFactory, first_name="Louise", last_name="Martin")
    status = PostStatus.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))

    @factory.post_generation
    def tags(self, create: bool, extracted: list[Tag] | None, **kwargs: object) -> None:
        if create and extracted:
            self.tags.set(extracted)


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    title_fr = factory.Sequence(lambda n: f"Page {n}")
    title_en = factory.Sequence(lambda n: f"Page EN {n}")
    slug_fr = factory.Sequence(lambda n: f"page-{n}")
    slug_en = factory.Sequence(lambda n: f"page-en-{n}")
    body_fr = "Un texte de page assez long pour décrire ce que la page contient et pourquoi la lire."
    body_en = "A page text long enough to describe what the page holds and why one would read it."
