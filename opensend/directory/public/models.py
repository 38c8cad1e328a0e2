"""The public Local Offer's own tables: places, the search index, information pages,
SEN information reports and the log of searches that found nothing.

None of them holds personal data. They belong to the directory app (imported at the end
of opensend/directory/models.py), so their migrations are the directory's.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import models

__all__ = [
    "InformationPage",
    "Place",
    "SearchWord",
    "SenInformationReport",
    "ServiceSearchEntry",
    "ServiceSearchPoint",
    "ZeroResultSearch",
]


class Place(models.Model):
    """A town or village families may type instead of a postcode, with its centre."""

    name = models.CharField(max_length=100, unique=True)
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServiceSearchEntry(models.Model):
    """One row per active service: everything the search filters, ranks and lists on.

    Rebuilt from the HSDS tables by `index.refresh` (one statement per batch), so a
    search is one query on one table. The tsvector `document` carries weights: the
    service's name A, categories and needs B, description and eligibility C.
    """

    service = models.OneToOneField(
        "directory.Service", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(max_length=255)
    organization_name = models.CharField(max_length=255)
    summary = models.TextField()
    document = SearchVectorField()
    needs = ArrayField(models.CharField(max_length=10), default=list)
    categories = ArrayField(models.UUIDField(), default=list)
    delivery = ArrayField(models.CharField(max_length=10), default=list)
    days = ArrayField(models.CharField(max_length=2), default=list)
    minimum_age = models.PositiveSmallIntegerField(null=True)
    maximum_age = models.PositiveSmallIntegerField(null=True)
    free = models.BooleanField()
    latitudes = ArrayField(models.FloatField(), default=list)
    longitudes = ArrayField(models.FloatField(), default=list)
    assured_date = models.DateField(null=True)


class SearchIndexStamp(models.Model):
    """One row: a number `index.refresh` raises in the same transaction as every change
    to the search index. The search page's cached results are keyed by it, so an
    approved edit shows at once in every process (docs/local-offer-search.md)."""

    version = models.BigIntegerField(default=0)


class ServiceSearchPoint(models.Model):
    """A place where a service is delivered, for distance searches (one per location)."""

    entry = models.ForeignKey(ServiceSearchEntry, on_delete=models.CASCADE, related_name="+")
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["latitude", "longitude"], name="search_point_place")]


class SearchWord(models.Model):
    """A word that appears in the directory (lower case, no accents): what a misspelt
    search word is corrected to, by trigram similarity."""

    word = models.CharField(max_length=60, primary_key=True)


class ZeroResultSearch(models.Model):
    """Searches that found nothing, counted per day: the normalised words and filters
    only. No IP address, session or user, and a postcode is cut to its district."""

    day = models.DateField()
    terms = models.CharField(max_length=100, blank=True)
    filters = models.CharField(max_length=300, blank=True)
    count = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "terms", "filters"], name="one_row_a_day")
        ]


class InformationPage(models.Model):
    """Plain-English guidance. `body`: paragraphs separated by blank lines; a line
    starting "## " is a heading and lines starting "- " make a bulleted list."""

    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=150)
    summary = models.CharField(max_length=300)
    body = models.TextField()
    last_reviewed = models.DateField()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class SenInformationReport(models.Model):
    """A school's or college's SEN information report (SEND Regulations 2014, reg. 51
    and schedule 1): where it is published and when it was last updated."""

    setting_name = models.CharField(max_length=255)
    organization = models.ForeignKey(
        "directory.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sen_information_reports",
    )
    phase = models.CharField(max_length=50, blank=True, help_text="e.g. Primary, Secondary")
    url = models.URLField()
    last_updated = models.DateField()

    class Meta:
        ordering = ["setting_name", "id"]

    def __str__(self) -> str:
        return self.setting_name

