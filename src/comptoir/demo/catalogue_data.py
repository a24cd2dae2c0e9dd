"""The demo shop's catalogue: Maison Lavande, Paris, shirts for men and women.

Plain data, in French and English, read by ``build_demo_shop``. Prices are strings turned into
``Decimal`` by the builder (never floats).
"""

from __future__ import annotations

from dataclasses import dataclass

from .images import Collar, Fabric, Pattern, ShirtStyle, Silhouette

STAFF_EMAIL = "fondatrice@comptoir.example"
STAFF_PASSWORD = "comptoir-demo"  # noqa: S105 (the published demo login, shown by `make run`)
STAFF_FIRST_NAME = "Claire"
STAFF_LAST_NAME = "Marchal"

# GS1 France prefix (376) and an invented company number: the demo's barcodes are valid, not real.
EAN_PREFIX = "37601234"


@dataclass(frozen=True)
class ColourData:
    slug: str
    code: str  # in SKUs
    name_fr: str
    name_en: str
    hex_code: str  # the swatch
    fabric: Fabric  # how the cloth is drawn


COLOURS: tuple[ColourData, ...] = (
    ColourData("blanc", "BLA", "Blanc", "White", "#f7f6f2", Fabric("#f8f7f3")),
    ColourData("ecru", "ECR", "Écru", "Ecru", "#eee6d6", Fabric("#efe7d8")),
    ColourData("bleu-ciel", "BCI", "Bleu ciel", "Sky blue", "#c3d6ea", Fabric("#c4d6e9")),
    ColourData("lavande", "LAV", "Lavande", "Lavender", "#cbc4e0", Fabric("#ccc5df")),
    ColourData("rose-poudre", "ROS", "Rose poudré", "Dusty pink", "#e8cfca", Fabric("#e9d0cb")),
    ColourData("jaune-paille", "PAI", "Jaune paille", "Straw yellow", "#ecdfae", Fabric("#ecdfb0")),
    ColourData("sable", "SAB", "Sable", "Sand", "#d8c7aa", Fabric("#d9c8ac")),
    ColourData("vert-sauge", "SAU", "Vert sauge", "Sage green", "#b5bfa3", Fabric("#b4bea3")),
    ColourData("terracotta", "TER", "Terracotta", "Terracotta", "#c17b5c", Fabric("#c27c5e")),
    ColourData("kaki", "KAK", "Kaki", "Khaki", "#777157", Fabric("#7a7458")),
    ColourData("tabac", "TAB", "Tabac", "Tobacco", "#7b5a41", Fabric("#7c5b42", texture=4.5)),
    ColourData("indigo", "IND", "Indigo", "Indigo", "#3f5478", Fabric("#405579", texture=5)),
    ColourData("marine", "MAR", "Marine", "Navy", "#29354b", Fabric("#2a364c")),
    ColourData("anthracite", "ANT", "Anthracite", "Charcoal", "#45474c", Fabric("#46484d", texture=4.5)),
    ColourData(
        "rayure-bleue",
        "RBL",
        "Rayure bleue",
        "Blue stripe",
        "#9eb2cf",
        Fabric("#f6f6f3", Pattern.STRIPE, "#5a79a8", stripe_width=4.5, stripe_gap=15),
    ),
    ColourData(
        "rayure-bordeaux",
        "RBO",
        "Rayure bordeaux",
        "Burgundy stripe",
        "#b98b92",
        Fabric("#f6f3f0", Pattern.STRIPE, "#7e3140", stripe_width=3.5, stripe_gap=13),
    ),
    ColourData(
        "vichy-bleu",
        "VIC",
        "Vichy bleu",
        "Blue gingham",
        "#a9bcd8",
        Fabric("#f7f6f2", Pattern.GINGHAM, "#7192c1", stripe_width=11, stripe_gap=11),
    ),
)


@dataclass(frozen=True)
class FitData:
    slug: str
    name_fr: str
    name_en: str


FITS: tuple[FitData, ...] = (
    FitData("ajustee", "Ajustée", "Slim"),
    FitData("droite", "Droite", "Regular"),
    FitData("ample", "Ample", "Relaxed"),
)


@dataclass(frozen=True)
class SizeData:
    slug: str
    label: str


@dataclass(frozen=True)
class SizeScaleData:
    key: str
    name: str
    sizes: tuple[SizeData, ...]


# Size slugs are unique across scales: "col-39" for a collar size, "m" for a letter size.
SIZE_SCALES: tuple[SizeScaleData, ...] = (
    SizeScaleData(
        "collar", "Tour de cou (37–45)", tuple(SizeData(f"col-{n}", str(n)) for n in range(37, 46))
    ),
    SizeScaleData(
        "letters",
        "Tailles lettres (XS–XXL)",
        tuple(SizeData(label.lower(), label) for label in ("XS", "S", "M", "L", "XL", "XXL")),
    ),
)
# Which sizes a product is cut in, by range name: (scale key, size labels).
SIZE_RANGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "collar": ("collar", tuple(str(n) for n in range(37, 46))),
    "women": ("letters", ("XS", "S", "M", "L", "XL")),
    "letters": ("letters", ("S", "M", "L", "XL", "XXL")),
}


@dataclass(frozen=True)
class SizeGuideData:
    key: str
    name_fr: str
    name_en: str
    introduction_fr: str
    introduction_en: str
    table_fr: str
    table_en: str


SIZE_GUIDES: tuple[SizeGuideData, ...] = (
    SizeGuideData(
        key="collar",
        name_fr="Chemises homme — tour de cou",
        name_en="Men's shirts — collar sizes",
        introduction_fr=(
            "Mesurez votre tour de cou à la base du cou, en glissant un doigt sous le mètre ruban. "
            "Les mesures ci-dessous sont celles du corps, pour la coupe droite ; la coupe ajustée "
            "retire environ 4 cm au tour de poitrine."
        ),
        introduction_en=(
            "Measure around the base of your neck with one finger slipped under the tape. The "
            "measurements below are body measurements for the regular fit; the slim fit takes about "
            "4 cm off the chest."
        ),
        table_fr="\n".join(
            ["Tour de cou | Tour de poitrine (cm) | Longueur de manche (cm)"]
            + [f"{37 + i} | {96 + 4 * i}–{100 + 4 * i} | {63 + i // 2}" for i in range(9)]
        ),
        table_en="\n".join(
            ["Collar | Chest (cm) | Sleeve length (cm)"]
            + [f"{37 + i} | {96 + 4 * i}–{100 + 4 * i} | {63 + i // 2}" for i in range(9)]
        ),
    ),
    SizeGuideData(
        key="women",
        name_fr="Chemises et blouses femme",
        name_en="Women's shirts and blouses",
        introduction_fr=(
            "Nos chemises femme sont coupées pour tomber juste sans serrer. Entre deux tailles, "
            "choisissez la plus petite pour une coupe nette, la plus grande pour plus d'aisance."
        ),
        introduction_en=(
            "Our women's shirts are cut to sit close without clinging. Between two sizes, take the "
            "smaller one for a neat line, the larger one for more ease."
        ),
        table_fr=(
            "Taille | Équivalence FR | Tour de poitrine (cm) | Tour de taille (cm)\n"
            "XS | 34 | 80–84 | 62–66\n"
            "S | 36 | 84–88 | 66–70\n"
            "M | 38 | 88–92 | 70–74\n"
            "L | 40 | 92–96 | 74–78\n"
            "XL | 42 | 96–100 | 78–82"
        ),
        table_en=(
            "Size | UK size | Bust (cm) | Waist (cm)\n"
            "XS | 6 | 80–84 | 62–66\n"
            "S | 8 | 84–88 | 66–70\n"
            "M | 10 | 88–92 | 70–74\n"
            "L | 12 | 92–96 | 74–78\n"
            "XL | 14 | 96–100 | 78–82"
        ),
    ),
    SizeGuideData(
        key="letters",
        name_fr="Surchemises et chemises décontractées",
        name_en="Overshirts and casual shirts",
        introduction_fr=(
            "Des coupes généreuses, pensées pour se porter ouvertes sur un t-shirt ou fermées seules. "
            "Prenez votre taille habituelle ; si vous hésitez, la plus petite reste confortable."
        ),
        introduction_en=(
            "Generous cuts, made to be worn open over a T-shirt or buttoned on their own. Take your "
            "usual size; if in doubt, the smaller one is still comfortable."
        ),
        table_fr=(
            "Taille | Tour de poitrine (cm) | Longueur dos (cm) | Longueur de manche (cm)\n"
            "S | 96–100 | 74 | 63\n"
            "M | 100–104 | 76 | 64\n"
            "L | 104–110 | 78 | 65\n"
            "XL | 110–116 | 80 | 66\n"
            "XXL | 116–122 | 82 | 67"
        ),
        table_en=(
            "Size | Chest (cm) | Back length (cm) | Sleeve length (cm)\n"
            "S | 96–100 | 74 | 63\n"
            "M | 100–104 | 76 | 64\n"
            "L | 104–110 | 78 | 65\n"
            "XL | 110–116 | 80 | 66\n"
            "XXL | 116–122 | 82 | 67"
        ),
    ),
)


@dataclass(frozen=True)
class CollectionData:
    key: str
    name_fr: str
    name_en: str
    slug_fr: str
    slug_en: str
    description_fr: str
    description_en: str
    is_featured: bool = False


COLLECTIONS: tuple[CollectionData, ...] = (
    CollectionData(
        key="summer",
        name_fr="Été 2027",
        name_en="Summer 2027",
        slug_fr="ete-2027",
        slug_en="summer-2027",
        description_fr=(
            "Du lin lavé, du seersucker, des cols cubains et des couleurs de fin d'après-midi : "
            "une saison pensée pour les longues journées et les soirées qui s'étirent."
        ),
        description_en=(
            "Washed linen, seersucker, camp collars and late-afternoon colours: a season made for "
            "long days and evenings that stretch on."
        ),
        is_featured=True,
    ),
    CollectionData(
        key="oxford",
        name_fr="L'Oxford",
        name_en="The Oxford edit",
        slug_fr="oxford",
        slug_en="oxford-edit",
        description_fr=(
            "Le tissu qui a fait la maison : un Oxford dense et doux, filé et tissé au Portugal, "
            "qui se patine lavage après lavage."
        ),
        description_en=(
            "The cloth the house was built on: a dense, soft Oxford, spun and woven in Portugal, "
            "that grows better with every wash."
        ),
    ),
    CollectionData(
        key="new",
        name_fr="Nouveautés",
        name_en="New in",
        slug_fr="nouveautes",
        slug_en="new-in",
        description_fr="Les dernières pièces sorties de l'atelier, en quantités mesurées.",
        description_en="The latest pieces from the workshop, made in measured quantities.",
    ),
    CollectionData(
        key="essentials",
        name_fr="Les essentiels",
        name_en="The essentials",
        slug_fr="essentiels",
        slug_en="essentials",
        description_fr=(
            "Les chemises que l'on rachète quand elles sont enfin usées : des coupes sûres, des "
            "tissus francs, toujours disponibles."
        ),
        description_en=(
            "The shirts people buy again once they finally wear out: sure cuts, honest cloth, "
            "always in stock."
        ),
    ),
)


@dataclass(frozen=True)
class ClothData:
    composition_fr: str
    composition_en: str
    care_fr: str
    care_en: str
    weight_grams: int  # a size M or 40


_CARE_COTTON_FR = (
    "Lavage en machine à 30 °C, sur l'envers, avec des couleurs proches. Repassage à température "
    "moyenne, encore légèrement humide. Pas de sèche-linge."
)
_CARE_COTTON_EN = (
    "Machine wash at 30 °C, inside out, with similar colours. Iron at medium heat while still "
    "slightly damp. Do not tumble dry."
)
_CARE_LINEN_FR = (
    "Lavage en machine à 30 °C, cycle délicat. Séchage à plat ou sur cintre ; le lin se froisse "
    "avec élégance et se repasse sur l'envers, si on le souhaite."
)
_CARE_LINEN_EN = (
    "Machine wash at 30 °C on a gentle cycle. Dry flat or on a hanger; linen creases gracefully "
    "and can be ironed inside out, if you wish."
)

CLOTHS: dict[str, ClothData] = {
    "oxford": ClothData(
        "100 % coton Oxford, filé et tissé au Portugal",
        "100% Oxford cotton, spun and woven in Portugal",
        _CARE_COTTON_FR,
        _CARE_COTTON_EN,
        310,
    ),
    "royal_oxford": ClothData(
        "100 % coton Oxford royal à deux fils, tissé en Italie",
        "100% two-ply royal Oxford cotton, woven in Italy",
        _CARE_COTTON_FR,
        _CARE_COTTON_EN,
        290,
    ),
    "poplin": ClothData(
        "100 % coton popeline à deux fils, tissé en Italie",
        "100% two-ply cotton poplin, woven in Italy",
        _CARE_COTTON_FR,
        _CARE_COTTON_EN,
        260,
    ),
    "twill": ClothData(
        "100 % coton twill, tissé en Italie",
        "100% cotton twill, woven in Italy",
        _CARE_COTTON_FR,
        _CARE_COTTON_EN,
        290,
    ),
    "voile": ClothData(
        "100 % voile de coton, tissé en Suisse",
        "100% cotton voile, woven in Switzerland",
        "Lavage à la main ou en machine à 30 °C, cycle délicat. Repassage doux.",
        "Hand wash or machine wash at 30 °C on a gentle cycle. Iron on a low setting.",
        190,
    ),
    "linen": ClothData(
        "100 % lin lavé, cultivé en Normandie et tissé en Lituanie",
        "100% washed linen, grown in Normandy and woven in Lithuania",
        _CARE_LINEN_FR,
        _CARE_LINEN_EN,
        250,
    ),
    "heavy_linen": ClothData(
        "100 % lin épais, cultivé en Normandie et tissé en Lituanie",
        "100% heavy linen, grown in Normandy and woven in Lithuania",
        _CARE_LINEN_FR,
        _CARE_LINEN_EN,
        390,
    ),
    "linen_cotton": ClothData(
        "55 % lin, 45 % coton, tissé au Portugal",
        "55% linen, 45% cotton, woven in Portugal",
        _CARE_LINEN_FR,
        _CARE_LINEN_EN,
        240,
    ),
    "seersucker": ClothData(
        "100 % coton seersucker, tissé en Italie",
        "100% cotton seersucker, woven in Italy",
        "Lavage en machine à 30 °C. Le seersucker ne se repasse pas : son relief est fait pour ça.",
        "Machine wash at 30 °C. Seersucker needs no ironing: its puckered texture is meant for it.",
        240,
    ),
    "chambray": ClothData(
        "100 % coton chambray, tissé au Japon",
        "100% cotton chambray, woven in Japan",
        "Lavage en machine à 30 °C, sur l'envers, les premières fois séparément. Repassage moyen.",
        "Machine wash at 30 °C, inside out, separately the first few times. Iron at medium heat.",
        280,
    ),
    "flannel": ClothData(
        "100 % coton flanelle brossée, tissé au Portugal",
        "100% brushed cotton flannel, woven in Portugal",
        "Lavage en machine à 30 °C, sur l'envers. Séchage à plat pour garder le gratté intact.",
        "Machine wash at 30 °C, inside out. Dry flat to keep the brushed finish soft.",
        350,
    ),
    "silk": ClothData(
        "100 % soie crêpe de Chine, tissée en Italie",
        "100% silk crêpe de Chine, woven in Italy",
        "Lavage à la main à l'eau froide ou nettoyage à sec. Repassage doux, sur l'envers.",
        "Hand wash in cold water or dry clean. Iron on a low setting, inside out.",
        180,
    ),
    "heavy_twill": ClothData(
        "100 % coton sergé épais, tissé au Portugal",
        "100% heavy cotton twill, woven in Portugal",
        "Lavage en machine à 30 °C, sur l'envers. Se porte sans repassage.",
        "Machine wash at 30 °C, inside out. Made to be worn unironed.",
        460,
    ),
    "corduroy": ClothData(
        "100 % coton velours milleraies, tissé en Italie",
        "100% needlecord cotton, woven in Italy",
        "Lavage en machine à 30 °C, sur l'envers. Repassage à la vapeur, sans appuyer.",
        "Machine wash at 30 °C, inside out. Steam rather than press.",
        440,
    ),
    "wool": ClothData(
        "100 % laine vierge, tissée en Écosse",
        "100% virgin wool, woven in Scotland",
        "Nettoyage à sec ou lavage à la main à l'eau froide. Séchage à plat.",
        "Dry clean, or hand wash in cold water. Dry flat.",
        480,
    ),
    "denim": ClothData(
        "100 % coton denim léger 7 oz, tissé au Japon",
        "100% light 7 oz cotton denim, woven in Japan",
        "Lavage en machine à 30 °C, sur l'envers et séparément. Le denim se patine avec le temps.",
        "Machine wash at 30 °C, inside out and separately. Denim fades beautifully over time.",
        400,
    ),
    "moleskin": ClothData(
        "100 % coton moleskine, tissé en Angleterre",
        "100% cotton moleskin, woven in England",
        "Lavage en machine à 30 °C, sur l'envers. Séchage sur cintre.",
        "Machine wash at 30 °C, inside out. Dry on a hanger.",
        470,
    ),
}


@dataclass(frozen=True)
class ProductData:
    code: str  # in SKUs: ML-<code>-<colour>-<size>
    name_fr: str
    name_en: str
    slug_fr: str
    slug_en: str
    summary_fr: str
    summary_en: str
    description_fr: str
    description_en: str
    cloth: str  # key of CLOTHS
    gender: str  # "male", "female" or "unisex"
    size_range: str  # key of SIZE_RANGES
    fit: str  # slug of FITS
    price: str  # TTC, in euros
    colours: tuple[str, ...]  # slugs of COLOURS
    style: ShirtStyle
    collections: tuple[str, ...] = ()
    is_new: bool = False
    is_best_seller: bool = False
    status: str = "published"
    days_since_published: int = 90
    sold_out_colours: tuple[str, ...] = ()  # a colour gone for the season
    larger_sizes_cost_more: bool = False  # the largest size costs 10 € more
    detail: tuple[str, str] = ("détail du col et des boutons", "collar and button detail")  # the 2nd image


_BUTTON_DOWN = ShirtStyle(collar=Collar.BUTTON_DOWN)
_BUTTON_DOWN_SLIM = ShirtStyle(collar=Collar.BUTTON_DOWN, silhouette=Silhouette.SLIM)
_POINT = ShirtStyle(collar=Collar.POINT)
_POINT_SLIM = ShirtStyle(collar=Collar.POINT, silhouette=Silhouette.SLIM)
_POINT_RELAXED = ShirtStyle(collar=Collar.POINT, silhouette=Silhouette.RELAXED)
_BAND = ShirtStyle(collar=Collar.BAND, pockets=0)
_CAMP = ShirtStyle(
    collar=Collar.CAMP, short_sleeves=True, silhouette=Silhouette.RELAXED, curved_hem=False, buttons=6
)
_WOMEN_POINT = ShirtStyle(collar=Collar.POINT, silhouette=Silhouette.WOMEN, pockets=0)
_WOMEN_BAND = ShirtStyle(collar=Collar.BAND, silhouette=Silhouette.WOMEN, pockets=0)
_WOMEN_BUTTON_DOWN = ShirtStyle(collar=Collar.BUTTON_DOWN, silhouette=Silhouette.WOMEN, pockets=0)
_WOMEN_CAMP = ShirtStyle(
    collar=Collar.CAMP,
    short_sleeves=True,
    silhouette=Silhouette.WOMEN,
    pockets=0,
    curved_hem=False,
    buttons=6,
)
_OVERSIZE = ShirtStyle(collar=Collar.BUTTON_DOWN, silhouette=Silhouette.RELAXED, pockets=1)
_OVERSHIRT = ShirtStyle(
    collar=Collar.POINT,
    silhouette=Silhouette.OVERSHIRT,
    pockets=2,
    pocket_flaps=True,
    curved_hem=False,
    buttons=6,
    horn_buttons=True,  # corozo, as the copy says
)

_DETAIL_BAND = ("détail du col officier", "band collar detail")
_DETAIL_CAMP = ("détail du col cubain", "camp collar detail")
_DETAIL_BUTTON_DOWN = ("détail du col boutonné", "button-down collar detail")
_DETAIL_POCKETS = ("détail des poches à rabat", "flap pocket detail")

PRODUCTS: tuple[ProductData, ...] = (
    # --- Men, collar sizes ------------------------------------------------------------------------
    ProductData(
        code="OXF",
        name_fr="Chemise Oxford blanche",
        name_en="White Oxford shirt",
        slug_fr="chemise-oxford-blanche",
        slug_en="white-oxford-shirt",
        summary_fr="La chemise par laquelle tout a commencé, en Oxford blanc du Portugal.",
        summary_en="The shirt where it all began, in white Portuguese Oxford.",
        description_fr=(
            "Col boutonné souple, patte de boutonnage simple, poche poitrine et pan arrondi : rien "
            "de plus que nécessaire. L'Oxford, dense et doux, se patine au fil des lavages. Nous la "
            "recoupons chaque saison, sans jamais la changer vraiment."
        ),
        description_en=(
            "A soft button-down collar, a plain placket, a chest pocket and a curved hem: nothing "
            "more than needed. The dense, soft Oxford mellows wash after wash. We recut it every "
            "season without ever really changing it."
        ),
        cloth="oxford",
        gender="male",
        size_range="collar",
        fit="droite",
        price="95.00",
        colours=("blanc",),
        style=_BUTTON_DOWN,
        collections=("oxford", "essentials"),
        is_best_seller=True,
        days_since_published=240,
        detail=_DETAIL_BUTTON_DOWN,
    ),
    ProductData(
        code="GAS",
        name_fr="Chemise Gaspard en Oxford",
        name_en="Gaspard Oxford shirt",
        slug_fr="chemise-gaspard-oxford",
        slug_en="gaspard-oxford-shirt",
        summary_fr="L'Oxford de tous les jours, en trois couleurs qui vont avec tout.",
        summary_en="The everyday Oxford, in three colours that go with everything.",
        description_fr=(
            "Gaspard reprend notre coupe droite et la décline en bleu ciel, rose poudré et fine "
            "rayure bleue. Le col boutonné tient sans baleines, la poche est assez profonde pour un "
            "carnet."
        ),
        description_en=(
            "Gaspard takes our regular cut in sky blue, dusty pink and a fine blue stripe. The "
            "button-down collar holds its shape without stays, and the pocket is deep enough for "
            "a notebook."
        ),
        cloth="oxford",
        gender="male",
        size_range="collar",
        fit="droite",
        price="95.00",
        colours=("bleu-ciel", "rose-poudre", "rayure-bleue"),
        style=_BUTTON_DOWN,
        collections=("oxford", "essentials"),
        is_best_seller=True,
        days_since_published=210,
        detail=_DETAIL_BUTTON_DOWN,
    ),
    ProductData(
        code="ANT",
        name_fr="Chemise Antoine en popeline",
        name_en="Antoine poplin shirt",
        slug_fr="chemise-antoine-popeline",
        slug_en="antoine-poplin-shirt",
        summary_fr="Une popeline nette et fraîche, coupée près du corps.",
        summary_en="Crisp, cool poplin, cut close to the body.",
        description_fr=(
            "Une popeline à deux fils au toucher frais, un col pointu de taille moyenne qui se "
            "porte avec ou sans cravate. La coupe ajustée suit la ligne des épaules sans serrer "
            "à la taille."
        ),
        description_en=(
            "A cool-handed two-ply poplin and a medium point collar that works with or without a "
            "tie. The slim cut follows the shoulders without pinching at the waist."
        ),
        cloth="poplin",
        gender="male",
        size_range="collar",
        fit="ajustee",
        price="110.00",
        colours=("blanc", "bleu-ciel", "lavande"),
        style=_POINT_SLIM,
        collections=("essentials",),
        days_since_published=180,
    ),
    ProductData(
        code="LOI",
        name_fr="Chemise Louis à rayures",
        name_en="Louis striped shirt",
        slug_fr="chemise-louis-rayures",
        slug_en="louis-striped-shirt",
        summary_fr="Des rayures fines et régulières, pour le bureau comme pour le dimanche.",
        summary_en="Fine, even stripes, for the office as much as for Sunday.",
        description_fr=(
            "Louis est tissée en Italie dans une popeline rayée dont les bandes se raccordent aux "
            "coutures et sur la poche. Le bleu est franc, le bordeaux plus discret qu'il n'y paraît."
        ),
        description_en=(
            "Louis is cut from an Italian striped poplin whose stripes line up at the seams and "
            "across the pocket. The blue is clear; the burgundy is quieter than it sounds."
        ),
        cloth="poplin",
        gender="male",
        size_range="collar",
        fit="droite",
        price="115.00",
        colours=("rayure-bleue", "rayure-bordeaux"),
        style=_POINT,
        days_since_published=150,
        larger_sizes_cost_more=True,
    ),
    ProductData(
        code="VIC",
        name_fr="Chemise Victor en Oxford ajustée",
        name_en="Victor slim Oxford shirt",
        slug_fr="chemise-victor-oxford-ajustee",
        slug_en="victor-slim-oxford-shirt",
        summary_fr="Notre Oxford, en version plus près du corps.",
        summary_en="Our Oxford, in a closer cut.",
        description_fr=(
            "Le même Oxford portugais que notre chemise blanche, recoupé plus étroit à la taille et "
            "aux manches. Le vert sauge est nouveau cette saison ; il se porte aussi bien avec un "
            "chino qu'avec un costume gris."
        ),
        description_en=(
            "The same Portuguese Oxford as our white shirt, recut narrower at the waist and "
            "sleeves. Sage green is new this season; it sits as well with chinos as with a grey "
            "suit."
        ),
        cloth="oxford",
        gender="male",
        size_range="collar",
        fit="ajustee",
        price="98.00",
        colours=("bleu-ciel", "blanc", "vert-sauge"),
        style=_BUTTON_DOWN_SLIM,
        collections=("oxford", "new"),
        is_new=True,
        days_since_published=12,
        detail=_DETAIL_BUTTON_DOWN,
    ),
    ProductData(
        code="EMI",
        name_fr="Chemise Émile en twill",
        name_en="Émile twill shirt",
        slug_fr="chemise-emile-twill",
        slug_en="emile-twill-shirt",
        summary_fr="Un twill au tombé souple, à peine lustré.",
        summary_en="A softly draping twill with the faintest sheen.",
        description_fr=(
            "Le tissage en diagonale du twill donne à Émile un tombé souple et une légère "
            "brillance. Il se froisse peu, ce qui en fait la chemise des jours de voyage."
        ),
        description_en=(
            "Twill's diagonal weave gives Émile a soft drape and a slight sheen. It barely "
            "creases, which makes it the shirt for travel days."
        ),
        cloth="twill",
        gender="male",
        size_range="collar",
        fit="droite",
        price="125.00",
        colours=("blanc", "ecru", "bleu-ciel"),
        style=_POINT,
        days_since_published=130,
    ),
    ProductData(
        code="HEN",
        name_fr="Chemise Henri en flanelle",
        name_en="Henri flannel shirt",
        slug_fr="chemise-henri-flanelle",
        slug_en="henri-flannel-shirt",
        summary_fr="Une flanelle brossée, chaude sans être épaisse.",
        summary_en="Brushed flannel, warm without the bulk.",
        description_fr=(
            "Henri est taillée dans une flanelle de coton brossée des deux côtés, douce dès le "
            "premier jour. Elle se porte seule à la mi-saison, sous un pull quand il fait froid."
        ),
        description_en=(
            "Henri is cut from a cotton flannel brushed on both sides, soft from the first day. "
            "Wear it on its own between seasons and under a jumper when it turns cold."
        ),
        cloth="flannel",
        gender="male",
        size_range="collar",
        fit="droite",
        price="135.00",
        colours=("ecru", "anthracite", "marine"),
        style=_BUTTON_DOWN,
        days_since_published=200,
        sold_out_colours=("marine",),
        detail=_DETAIL_BUTTON_DOWN,
    ),
    ProductData(
        code="JUL",
        name_fr="Chemise Jules en chambray",
        name_en="Jules chambray shirt",
        slug_fr="chemise-jules-chambray",
        slug_en="jules-chambray-shirt",
        summary_fr="Le chambray japonais, léger comme une popeline, vivant comme un denim.",
        summary_en="Japanese chambray, as light as poplin, as lively as denim.",
        description_fr=(
            "Un chambray tissé au Japon sur des métiers lents, avec un fil indigo et un fil blanc. "
            "La couleur s'adoucit au fil des lavages, sans jamais passer."
        ),
        description_en=(
            "A chambray woven in Japan on slow looms, with one indigo yarn and one white. The "
            "colour softens with each wash and never fades flat."
        ),
        cloth="chambray",
        gender="male",
        size_range="collar",
        fit="droite",
        price="120.00",
        colours=("indigo", "bleu-ciel"),
        style=_BUTTON_DOWN,
        collections=("essentials",),
        days_since_published=160,
        detail=_DETAIL_BUTTON_DOWN,
    ),
    ProductData(
        code="AUG",
        name_fr="Chemise Auguste en seersucker",
        name_en="Auguste seersucker shirt",
        slug_fr="chemise-auguste-seersucker",
        slug_en="auguste-seersucker-shirt",
        summary_fr="Le relief du seersucker, qui s'écarte de la peau quand il fait chaud.",
        summary_en="Seersucker's puckered texture, which stands off the skin in the heat.",
        description_fr=(
            "Le gaufrage du seersucker laisse passer l'air et n'a pas besoin de fer. Auguste garde "
            "un col classique pour être portée avec une veste de lin, les soirs d'été."
        ),
        description_en=(
            "The puckered seersucker lets the air through and needs no iron. Auguste keeps a "
            "classic collar so it can go under a linen jacket on summer evenings."
        ),
        cloth="seersucker",
        gender="male",
        size_range="collar",
        fit="droite",
        price="125.00",
        colours=("rayure-bleue", "blanc"),
        style=_POINT,
        collections=("summer",),
        days_since_published=45,
    ),
    ProductData(
        code="PIE",
        name_fr="Chemise Pierre à col officier",
        name_en="Pierre band-collar shirt",
        slug_fr="chemise-pierre-col-officier",
        slug_en="pierre-band-collar-shirt",
        summary_fr="Un lin lavé et un col officier, pour l'été sans cravate.",
        summary_en="Washed linen and a band collar, for a summer without ties.",
        description_fr=(
            "Le col officier dégage le cou et s'ouvre naturellement d'un bouton. Le lin, lavé après "
            "la confection, est souple dès la première fois et ne rétrécira plus."
        ),
        description_en=(
            "The band collar frees the neck and falls open easily by a button. The linen is washed "
            "after sewing, so it is soft from the first wear and will not shrink again."
        ),
        cloth="linen",
        gender="male",
        size_range="collar",
        fit="droite",
        price="130.00",
        colours=("blanc", "ecru", "bleu-ciel"),
        style=_BAND,
        collections=("summer",),
        days_since_published=30,
        detail=_DETAIL_BAND,
    ),
    ProductData(
        code="MAR",
        name_fr="Chemise Marcel en Oxford épais",
        name_en="Marcel heavy Oxford shirt",
        slug_fr="chemise-marcel-oxford-epais",
        slug_en="marcel-heavy-oxford-shirt",
        summary_fr="Un Oxford plus lourd, presque une surchemise.",
        summary_en="A heavier Oxford, almost an overshirt.",
        description_fr=(
            "Marcel utilise un Oxford au grammage plus élevé, qui se tient comme une toile. On la "
            "porte ouverte sur un t-shirt ou boutonnée jusqu'au col, selon l'humeur."
        ),
        description_en=(
            "Marcel uses a heavier Oxford that holds itself like canvas. Wear it open over a T-shirt "
            "or buttoned to the collar, depending on the mood."
        ),
        cloth="oxford",
        gender="male",
        size_range="collar",
        fit="droite",
        price="115.00",
        colours=("ecru", "vert-sauge"),
        style=_BUTTON_DOWN,
        collections=("oxford",),
        days_since_published=110,
        detail=_DETAIL_BUTTON_DOWN,
    ),
    ProductData(
        code="RAP",
        name_fr="Chemise Raphaël en popeline",
        name_en="Raphaël poplin shirt",
        slug_fr="chemise-raphael-popeline",
        slug_en="raphael-poplin-shirt",
        summary_fr="La chemise des grands jours, sans raideur.",
        summary_en="The shirt for big days, without the stiffness.",
        description_fr=(
            "Une popeline fine et lumineuse, un col italien légèrement ouvert et des poignets "
            "arrondis. Raphaël a été dessinée pour les mariages, et on la garde bien après."
        ),
        description_en=(
            "A fine, luminous poplin, a slightly spread Italian collar and rounded cuffs. Raphaël "
            "was designed for weddings, and stays in the wardrobe long after."
        ),
        cloth="poplin",
        gender="male",
        size_range="collar",
        fit="ajustee",
        price="120.00",
        colours=("blanc", "rose-poudre"),
        style=ShirtStyle(collar=Collar.POINT, silhouette=Silhouette.SLIM, pockets=0),
        days_since_published=95,
    ),
    ProductData(
        code="BAS",
        name_fr="Chemise Basile en Oxford royal",
        name_en="Basile royal Oxford shirt",
        slug_fr="chemise-basile-oxford-royal",
        slug_en="basile-royal-oxford-shirt",
        summary_fr="L'Oxford dans sa version la plus habillée.",
        summary_en="Oxford at its most dressed-up.",
        description_fr=(
            "L'Oxford royal mêle la texture de l'Oxford à la finesse d'une popeline : il accroche "
            "la lumière sans briller. Col pointu, poignets mousquetaires convertibles."
        ),
        description_en=(
            "Royal Oxford combines the texture of Oxford with the fineness of poplin: it catches "
            "the light without shining. Point collar and convertible French cuffs."
        ),
        cloth="royal_oxford",
        gender="male",
        size_range="collar",
        fit="ajustee",
        price="140.00",
        colours=("blanc", "bleu-ciel"),
        style=_POINT_SLIM,
        collections=("oxford",),
        days_since_published=75,
        larger_sizes_cost_more=True,
    ),
    # --- Men, letter sizes -----------------------------------------------------------------------
    ProductData(
        code="MRS",
        name_fr="Chemise Marius à col cubain",
        name_en="Marius camp-collar shirt",
        slug_fr="chemise-marius-col-cubain",
        slug_en="marius-camp-collar-shirt",
        summary_fr="Le col cubain, le lin lavé et les manches courtes : l'été en une chemise.",
        summary_en="A camp collar, washed linen and short sleeves: summer in one shirt.",
        description_fr=(
            "Marius se porte ouverte, sur la plage comme en terrasse. Son col cubain s'étale à "
            "plat, son ourlet droit est fait pour rester hors du pantalon. Le terracotta est teint "
            "en pièce, ce qui lui donne sa profondeur."
        ),
        description_en=(
            "Marius is worn open, on the beach or at a café table. Its camp collar lies flat and "
            "the straight hem is made to be worn untucked. The terracotta is piece-dyed, which "
            "gives it depth."
        ),
        cloth="linen",
        gender="male",
        size_range="letters",
        fit="ample",
        price="110.00",
        colours=("ecru", "terracotta", "marine"),
        style=_CAMP,
        collections=("summer", "new"),
        is_new=True,
        days_since_published=6,
        detail=_DETAIL_CAMP,
    ),
    ProductData(
        code="FEL",
        name_fr="Chemisette Félix en lin et coton",
        name_en="Félix short-sleeved linen-cotton shirt",
        slug_fr="chemisette-felix-lin-coton",
        slug_en="felix-short-sleeved-linen-cotton-shirt",
        summary_fr="Un mélange lin et coton qui se froisse moins, pour partir en week-end.",
        summary_en="A linen-cotton blend that creases less, for weekends away.",
        description_fr=(
            "Le coton tempère le lin : Félix garde la fraîcheur de l'un et la tenue de l'autre. "
            "Col cubain, manches courtes et deux couleurs sèches, sable et sauge."
        ),
        description_en=(
            "Cotton tempers linen: Félix keeps the coolness of one and the body of the other. Camp "
            "collar, short sleeves and two dry colours, sand and sage."
        ),
        cloth="linen_cotton",
        gender="male",
        size_range="letters",
        fit="ample",
        price="105.00",
        colours=("sable", "vert-sauge"),
        style=_CAMP,
        collections=("summer", "new"),
        is_new=True,
        days_since_published=9,
        detail=_DETAIL_CAMP,
    ),
    ProductData(
        code="ARM",
        name_fr="Chemise Armand en lin",
        name_en="Armand linen shirt",
        slug_fr="chemise-armand-lin",
        slug_en="armand-linen-shirt",
        summary_fr="Notre chemise en lin à manches longues, ample et légère.",
        summary_en="Our long-sleeved linen shirt, loose and light.",
        description_fr=(
            "Armand est coupée ample pour laisser circuler l'air. Le lin vient de Normandie, où "
            "pousse la majeure partie du lin du monde ; il est tissé en Lituanie puis lavé pour "
            "gagner en souplesse."
        ),
        description_en=(
            "Armand is cut loose to let the air move. The flax comes from Normandy, where most of "
            "the world's flax is grown; it is woven in Lithuania, then washed for suppleness."
        ),
        cloth="linen",
        gender="male",
        size_range="letters",
        fit="ample",
        price="125.00",
        colours=("blanc", "bleu-ciel", "vert-sauge", "sable"),
        style=_POINT_RELAXED,
        collections=("summer", "essentials"),
        is_best_seller=True,
        days_since_published=55,
    ),
    ProductData(
        code="LEO",
        name_fr="Chemise Léon en flanelle",
        name_en="Léon flannel shirt",
        slug_fr="chemise-leon-flanelle",
        slug_en="leon-flannel-shirt",
        summary_fr="Une flanelle ample et chaude pour les dimanches d'hiver.",
        summary_en="A loose, warm flannel for winter Sundays.",
        description_fr=(
            "Coupe ample, col boutonné, poche poitrine : Léon est la chemise que l'on enfile sans "
            "y penser en rentrant de promenade. Sa flanelle brossée devient plus douce à chaque "
            "lavage."
        ),
        description_en=(
            "A loose cut, a button-down collar, a chest pocket: Léon is the shirt you pull on "
            "without thinking after a walk. Its brushed flannel grows softer with every wash."
        ),
        cloth="flannel",
        gender="male",
        size_range="letters",
        fit="ample",
        price="130.00",
        colours=("anthracite", "kaki"),
        style=ShirtStyle(collar=Collar.BUTTON_DOWN, silhouette=Silhouette.RELAXED),
        days_since_published=170,
        sold_out_colours=("kaki",),
        larger_sizes_cost_more=True,
        detail=_DETAIL_BUTTON_DOWN,
    ),
    ProductData(
        code="SIM",
        name_fr="Chemise Simon en denim",
        name_en="Simon denim shirt",
        slug_fr="chemise-simon-denim",
        slug_en="simon-denim-shirt",
        summary_fr="Un denim léger qui se patinera à votre image.",
        summary_en="A light denim that will fade to your own shape.",
        description_fr=(
            "Un denim de 7 onces tissé au Japon, assez léger pour une chemise, assez dense pour "
            "durer des années. Les coutures sont rabattues, comme sur un jean."
        ),
        description_en=(
            "A 7-ounce denim woven in Japan, light enough for a shirt, dense enough to last for "
            "years. The seams are flat-felled, as on a pair of jeans."
        ),
        cloth="denim",
        gender="male",
        size_range="letters",
        fit="droite",
        price="135.00",
        colours=("indigo",),
        style=_POINT,
        days_since_published=120,
    ),
    ProductData(
        code="THE",
        name_fr="Chemisette Théo en seersucker",
        name_en="Théo short-sleeved seersucker shirt",
        slug_fr="chemisette-theo-seersucker",
        slug_en="theo-short-sleeved-seersucker-shirt",
        summary_fr="Des rayures gaufrées, un col cubain et des manches courtes.",
        summary_en="Puckered stripes, a camp collar and short sleeves.",
        description_fr=(
            "Théo associe notre seersucker rayé à la coupe de Marius. Il sèche en une heure au "
            "soleil et se glisse dans une valise sans craindre les plis."
        ),
        description_en=(
            "Théo pairs our striped seersucker with Marius's cut. It dries in an hour in the sun "
            "and goes into a suitcase without fear of creases."
        ),
        cloth="seersucker",
        gender="male",
        size_range="letters",
        fit="ample",
        price="115.00",
        colours=("rayure-bleue", "rayure-bordeaux"),
        style=_CAMP,
        collections=("summer",),
        days_since_published=40,
        detail=_DETAIL_CAMP,
    ),
    # --- Women ---------------------------------------------------------------------------------------
    ProductData(
        code="ALI",
        name_fr="Chemise Alice en popeline",
        name_en="Alice poplin shirt",
        slug_fr="chemise-alice-popeline",
        slug_en="alice-poplin-shirt",
        summary_fr="La chemise blanche idéale existe ; elle s'appelle Alice.",
        summary_en="The perfect white shirt exists; it is called Alice.",
        description_fr=(
            "Une popeline italienne, un col pointu de taille moyenne et des épaules justes. Alice "
            "se rentre dans un pantalon taille haute comme elle se porte flottante sur un jean."
        ),
        description_en=(
            "Italian poplin, a medium point collar and shoulders that fit just right. Alice tucks "
            "into high-waisted trousers as easily as it hangs loose over jeans."
        ),
        cloth="poplin",
        gender="female",
        size_range="women",
        fit="droite",
        price="105.00",
        colours=("blanc", "bleu-ciel", "rayure-bleue"),
        style=_WOMEN_POINT,
        collections=("essentials",),
        is_best_seller=True,
        days_since_published=230,
    ),
    ProductData(
        code="LSE",
        name_fr="Blouse Louise en voile de coton",
        name_en="Louise cotton voile blouse",
        slug_fr="blouse-louise-voile-de-coton",
        slug_en="louise-cotton-voile-blouse",
        summary_fr="Un voile de coton presque transparent, un col officier, une grande douceur.",
        summary_en="Near-sheer cotton voile, a band collar and great softness.",
        description_fr=(
            "Le voile de coton suisse est si fin qu'il se porte comme une seconde peau. Louise a "
            "un col officier et de petits boutons de nacre ; elle se glisse sous un blazer ou se "
            "porte seule, en été."
        ),
        description_en=(
            "The Swiss cotton voile is so fine it wears like a second skin. Louise has a band "
            "collar and small mother-of-pearl buttons; wear it under a blazer, or alone in summer."
        ),
        cloth="voile",
        gender="female",
        size_range="women",
        fit="droite",
        price="115.00",
        colours=("blanc", "rose-poudre", "lavande"),
        style=_WOMEN_BAND,
        days_since_published=85,
        detail=_DETAIL_BAND,
    ),
    ProductData(
        code="CAM",
        name_fr="Chemise Camille oversize en Oxford",
        name_en="Camille oversized Oxford shirt",
        slug_fr="chemise-camille-oversize-oxford",
        slug_en="camille-oversized-oxford-shirt",
        summary_fr="La chemise d'homme empruntée, mais coupée pour vous.",
        summary_en="The borrowed men's shirt, but cut for you.",
        description_fr=(
            "Camille reprend l'Oxford de notre chemise blanche dans une coupe large, épaules "
            "tombantes et manches à retrousser. Elle se porte ouverte sur un débardeur ou nouée "
            "à la taille."
        ),
        description_en=(
            "Camille takes the Oxford of our white shirt in a wide cut, with dropped shoulders and "
            "sleeves made to be rolled. Wear it open over a vest or knotted at the waist."
        ),
        cloth="oxford",
        gender="female",
        size_range="women",
        fit="ample",
        price="110.00",
        colours=("bleu-ciel", "blanc", "rayure-bleue"),
        style=_OVERSIZE,
        collections=("oxford", "essentials"),
        is_best_seller=True,
        days_since_published=190,
        detail=_DETAIL_BUTTON_DOWN,
    ),
    ProductData(
        code="JEA",
        name_fr="Chemise Jeanne en lin",
        name_en="Jeanne linen shirt",
        slug_fr="chemise-jeanne-lin",
        slug_en="jeanne-linen-shirt",
        summary_fr="Le lin lavé en quatre couleurs d'été, dans une coupe droite.",
        summary_en="Washed linen in four summer colours, in a regular cut.",
        description_fr=(
            "Jeanne est notre chemise d'été la plus simple : un lin lavé, un col pointu, des "
            "poignets à un bouton. Le terracotta et le sauge sont nouveaux, le blanc et le sable "
            "reviennent chaque année."
        ),
        description_en=(
            "Jeanne is our simplest summer shirt: washed linen, a point collar, single-button "
            "cuffs. Terracotta and sage are new; white and sand come back every year."
        ),
        cloth="linen",
        gender="female",
        size_range="women",
        fit="droite",
        price="120.00",
        colours=("blanc", "vert-sauge", "terracotta", "sable"),
        style=_WOMEN_POINT,
        collections=("summer", "new"),
        is_new=True,
        days_since_published=4,
    ),
    ProductData(
        code="ROS",
        name_fr="Blouse Rose en soie",
        name_en="Rose silk blouse",
        slug_fr="blouse-rose-soie",
        slug_en="rose-silk-blouse",
        summary_fr="Un crêpe de Chine fluide, un col officier, des boutons recouverts.",
        summary_en="Fluid crêpe de Chine, a band collar and covered buttons.",
        description_fr=(
            "La soie crêpe de Chine a un tombé que rien n'imite. Rose est cousue en France dans un "
            "atelier de la Loire, avec des coutures anglaises qui ne se voient pas."
        ),
        description_en=(
            "Silk crêpe de Chine has a drape nothing else imitates. Rose is sewn in France, in a "
            "workshop in the Loire valley, with French seams that stay hidden."
        ),
        cloth="silk",
        gender="female",
        size_range="women",
        fit="droite",
        price="165.00",
        colours=("ecru", "rose-poudre", "marine"),
        style=_WOMEN_BAND,
        days_since_published=140,
        detail=_DETAIL_BAND,
    ),
    ProductData(
        code="MAT",
        name_fr="Chemise Mathilde en vichy",
        name_en="Mathilde gingham shirt",
        slug_fr="chemise-mathilde-vichy",
        slug_en="mathilde-gingham-shirt",
        summary_fr="Un petit vichy bleu, joyeux sans être naïf.",
        summary_en="A small blue gingham, cheerful without being naive.",
        description_fr=(
            "Le vichy de Mathilde est tissé fil à fil, pas imprimé : les carreaux restent nets au "
            "lavage. Sa coupe droite et son col pointu la rendent moins champêtre qu'on ne croit."
        ),
        description_en=(
            "Mathilde's gingham is yarn-dyed, not printed, so the checks stay crisp in the wash. "
            "Its regular cut and point collar make it less countrified than you would think."
        ),
        cloth="poplin",
        gender="female",
        size_range="women",
        fit="droite",
        price="115.00",
        colours=("vichy-bleu",),
        style=_WOMEN_POINT,
        collections=("summer", "new"),
        is_new=True,
        days_since_published=15,
    ),
    ProductData(
        code="SUZ",
        name_fr="Chemise Suzanne à rayures",
        name_en="Suzanne striped shirt",
        slug_fr="chemise-suzanne-rayures",
        slug_en="suzanne-striped-shirt",
        summary_fr="Des rayures fines, une coupe ajustée, un col net.",
        summary_en="Fine stripes, a slim cut and a clean collar.",
        description_fr=(
            "Suzanne suit la silhouette sans la contraindre, grâce à deux pinces dans le dos. Les "
            "rayures sont raccordées au milieu devant, un détail que l'on ne voit qu'en y "
            "regardant de près."
        ),
        description_en=(
            "Suzanne follows the figure without constraining it, thanks to two back darts. The "
            "stripes are matched at the centre front, a detail you only notice up close."
        ),
        cloth="poplin",
        gender="female",
        size_range="women",
        fit="ajustee",
        price="115.00",
        colours=("rayure-bordeaux", "rayure-bleue"),
        style=_WOMEN_POINT,
        days_since_published=100,
    ),
    ProductData(
        code="LEA",
        name_fr="Chemise Léa à col officier",
        name_en="Léa band-collar shirt",
        slug_fr="chemise-lea-col-officier",
        slug_en="lea-band-collar-shirt",
        summary_fr="Un lin lavé et un col officier, pour les journées chaudes.",
        summary_en="Washed linen and a band collar, for hot days.",
        description_fr=(
            "Sans col rabattu, Léa dégage le cou et se porte ouverte de deux boutons. Son lin "
            "lavé gagne en souplesse à chaque été."
        ),
        description_en=(
            "With no turn-down collar, Léa leaves the neck free and is worn open by two buttons. "
            "Its washed linen grows softer every summer."
        ),
        cloth="linen",
        gender="female",
        size_range="women",
        fit="droite",
        price="120.00",
        colours=("blanc", "bleu-ciel"),
        style=_WOMEN_BAND,
        collections=("summer",),
        days_since_published=35,
        detail=_DETAIL_BAND,
    ),
    ProductData(
        code="MAD",
        name_fr="Chemisette Madeleine à col cubain",
        name_en="Madeleine camp-collar shirt",
        slug_fr="chemisette-madeleine-col-cubain",
        slug_en="madeleine-camp-collar-shirt",
        summary_fr="Manches courtes, col cubain et couleurs de vacances.",
        summary_en="Short sleeves, a camp collar and holiday colours.",
        description_fr=(
            "Madeleine est coupée droite et un peu courte, pour se porter sur une jupe longue ou "
            "un short. Le jaune paille est doux, presque beurre frais."
        ),
        description_en=(
            "Madeleine is cut straight and a little short, to wear over a long skirt or shorts. "
            "The straw yellow is soft, almost fresh butter."
        ),
        cloth="linen_cotton",
        gender="female",
        size_range="women",
        fit="droite",
        price="105.00",
        colours=("jaune-paille", "ecru", "terracotta"),
        style=_WOMEN_CAMP,
        collections=("summer", "new"),
        is_new=True,
        days_since_published=2,
        detail=_DETAIL_CAMP,
    ),
    ProductData(
        code="COL",
        name_fr="Chemise Colette en chambray",
        name_en="Colette chambray shirt",
        slug_fr="chemise-colette-chambray",
        slug_en="colette-chambray-shirt",
        summary_fr="Le chambray japonais, dans une coupe féminine et nette.",
        summary_en="Japanese chambray, in a neat women's cut.",
        description_fr=(
            "Colette partage le chambray de Jules, recoupé pour une silhouette féminine. "
            "L'indigo se fane doucement et prend, avec les années, la couleur d'un ciel d'hiver."
        ),
        description_en=(
            "Colette shares Jules's chambray, recut for a women's figure. The indigo fades gently "
            "and, over the years, takes on the colour of a winter sky."
        ),
        cloth="chambray",
        gender="female",
        size_range="women",
        fit="droite",
        price="115.00",
        colours=("indigo", "bleu-ciel"),
        style=_WOMEN_POINT,
        days_since_published=125,
        sold_out_colours=("bleu-ciel",),
    ),
    ProductData(
        code="AGA",
        name_fr="Chemise Agathe en Oxford",
        name_en="Agathe Oxford shirt",
        slug_fr="chemise-agathe-oxford",
        slug_en="agathe-oxford-shirt",
        summary_fr="Notre Oxford portugais, en coupe femme et col boutonné.",
        summary_en="Our Portuguese Oxford, in a women's cut with a button-down collar.",
        description_fr=(
            "Agathe a le caractère de l'Oxford : une trame visible, un toucher mat, une solidité à "
            "toute épreuve. Le rose poudré est devenu, en trois saisons, notre couleur la plus "
            "demandée."
        ),
        description_en=(
            "Agathe has Oxford's character: a visible weave, a matt hand and strength to spare. In "
            "three seasons, dusty pink has become our most requested colour."
        ),
        cloth="oxford",
        gender="female",
        size_range="women",
        fit="droite",
        price="100.00",
        colours=("blanc", "rose-poudre", "bleu-ciel"),
        style=_WOMEN_BUTTON_DOWN,
        collections=("oxford", "essentials"),
        is_best_seller=True,
        days_since_published=220,
        detail=_DETAIL_BUTTON_DOWN,
    ),
    ProductData(
        code="IRE",
        name_fr="Chemise Irène en flanelle",
        name_en="Irène flannel shirt",
        slug_fr="chemise-irene-flanelle",
        slug_en="irene-flannel-shirt",
        summary_fr="Une flanelle douce, coupée ample, à porter comme une veste légère.",
        summary_en="Soft flannel in a loose cut, to wear like a light jacket.",
        description_fr=(
            "Irène est assez ample pour se porter sur un col roulé fin. Sa flanelle brossée "
            "garde la chaleur sans alourdir la silhouette."
        ),
        description_en=(
            "Irène is loose enough to wear over a fine roll-neck. Its brushed flannel keeps the "
            "warmth in without weighing the figure down."
        ),
        cloth="flannel",
        gender="female",
        size_range="women",
        fit="ample",
        price="125.00",
        colours=("ecru", "marine"),
        style=ShirtStyle(collar=Collar.POINT, silhouette=Silhouette.RELAXED, pockets=0),
        days_since_published=175,
    ),
    ProductData(
        code="HEL",
        name_fr="Chemise Hélène en soie",
        name_en="Hélène silk shirt",
        slug_fr="chemise-helene-soie",
        slug_en="helene-silk-shirt",
        summary_fr="La chemise en soie à col pointu, du matin jusqu'au dîner.",
        summary_en="The point-collar silk shirt, from morning to dinner.",
        description_fr=(
            "Hélène a la structure d'une chemise et la fluidité d'une blouse. Son crêpe de Chine "
            "ne marque pas, et l'anthracite se porte aussi bien avec un jean qu'avec un tailleur."
        ),
        description_en=(
            "Hélène has the structure of a shirt and the fluidity of a blouse. Its crêpe de Chine "
            "does not mark, and the charcoal is as good with jeans as with a suit."
        ),
        cloth="silk",
        gender="female",
        size_range="women",
        fit="droite",
        price="165.00",
        colours=("ecru", "anthracite"),
        style=_WOMEN_POINT,
        days_since_published=70,
    ),
    ProductData(
        code="NIN",
        name_fr="Chemise Nina longue",
        name_en="Nina long shirt",
        slug_fr="chemise-nina-longue",
        slug_en="nina-long-shirt",
        summary_fr="Une chemise longue, presque une robe, en popeline légère.",
        summary_en="A long shirt, almost a dress, in light poplin.",
        description_fr=(
            "Nina descend à mi-cuisse et se porte avec un pantalon étroit ou ceinturée sur une "
            "robe. Ses fentes latérales lui laissent toute sa liberté de mouvement."
        ),
        description_en=(
            "Nina falls to mid-thigh and is worn over slim trousers or belted over a dress. Side "
            "vents give it all the freedom of movement it needs."
        ),
        cloth="poplin",
        gender="female",
        size_range="women",
        fit="ample",
        price="125.00",
        colours=("blanc", "lavande"),
        style=ShirtStyle(collar=Collar.POINT, silhouette=Silhouette.RELAXED, pockets=0),
        collections=("new",),
        is_new=True,
        days_since_published=18,
    ),
    ProductData(
        code="ODE",
        name_fr="Chemisette Odette en seersucker",
        name_en="Odette short-sleeved seersucker shirt",
        slug_fr="chemisette-odette-seersucker",
        slug_en="odette-short-sleeved-seersucker-shirt",
        summary_fr="Le seersucker, son relief et sa fraîcheur, en manches courtes.",
        summary_en="Seersucker, its texture and its coolness, with short sleeves.",
        description_fr=(
            "Odette est légère comme un souffle et ne se repasse jamais. Son col cubain et sa "
            "longueur courte la destinent aux jupes et aux pantalons taille haute."
        ),
        description_en=(
            "Odette is as light as a breath and never needs ironing. Its camp collar and short "
            "length make it a natural with skirts and high-waisted trousers."
        ),
        cloth="seersucker",
        gender="female",
        size_range="women",
        fit="droite",
        price="110.00",
        colours=("rayure-bleue", "rose-poudre"),
        style=_WOMEN_CAMP,
        collections=("summer",),
        days_since_published=50,
        detail=_DETAIL_CAMP,
    ),
    ProductData(
        code="MGX",
        name_fr="Chemise Margaux en twill",
        name_en="Margaux twill shirt",
        slug_fr="chemise-margaux-twill",
        slug_en="margaux-twill-shirt",
        summary_fr="Un twill au tombé souple, pour le bureau et au-delà.",
        summary_en="A softly draping twill, for the office and beyond.",
        description_fr=(
            "Margaux est coupée dans le twill d'Émile, avec des poignets plus longs et un col "
            "légèrement plus petit. Le kaki se marie au marine comme au camel."
        ),
        description_en=(
            "Margaux is cut from Émile's twill, with longer cuffs and a slightly smaller collar. "
            "Khaki goes as well with navy as with camel."
        ),
        cloth="twill",
        gender="female",
        size_range="women",
        fit="ajustee",
        price="120.00",
        colours=("ecru", "kaki", "bleu-ciel"),
        style=_WOMEN_POINT,
        days_since_published=145,
    ),
    # --- Overshirts, for everyone ------------------------------------------------------------------
    ProductData(
        code="ATE",
        name_fr="Surchemise d'atelier",
        name_en="Workshop overshirt",
        slug_fr="surchemise-atelier",
        slug_en="workshop-overshirt",
        summary_fr="La veste de travail d'autrefois, en sergé épais du Portugal.",
        summary_en="The old-time work jacket, in heavy Portuguese twill.",
        description_fr=(
            "Deux poches à rabat, des boutons en corozo et un sergé épais qui se patine comme une "
            "toile de peintre. Elle remplace une veste de mi-saison et se porte sur tout."
        ),
        description_en=(
            "Two flap pockets, corozo buttons and a heavy twill that wears in like a painter's "
            "canvas. It replaces a light jacket and goes over everything."
        ),
        cloth="heavy_twill",
        gender="unisex",
        size_range="letters",
        fit="ample",
        price="145.00",
        colours=("ecru", "kaki", "marine"),
        style=_OVERSHIRT,
        collections=("new", "essentials"),
        is_new=True,
        is_best_seller=True,
        days_since_published=20,
        larger_sizes_cost_more=True,
        detail=_DETAIL_POCKETS,
    ),
    ProductData(
        code="VEL",
        name_fr="Surchemise en velours milleraies",
        name_en="Needlecord overshirt",
        slug_fr="surchemise-velours-milleraies",
        slug_en="needlecord-overshirt",
        summary_fr="Un velours fin, chaud et doux, pour l'automne qui arrive.",
        summary_en="A fine, warm, soft corduroy for the coming autumn.",
        description_fr=(
            "Le velours milleraies a des côtes si fines qu'on les devine plus qu'on ne les voit. "
            "Cette surchemise se porte sur un t-shirt ou sous un manteau."
        ),
        description_en=(
            "Needlecord has ribs so fine you sense them more than see them. Wear this overshirt "
            "over a T-shirt or under a coat."
        ),
        cloth="corduroy",
        gender="unisex",
        size_range="letters",
        fit="ample",
        price="155.00",
        colours=("tabac", "vert-sauge", "anthracite"),
        style=_OVERSHIRT,
        days_since_published=115,
        larger_sizes_cost_more=True,
        detail=_DETAIL_POCKETS,
    ),
    ProductData(
        code="FER",
        name_fr="Surchemise Fernand en laine",
        name_en="Fernand wool overshirt",
        slug_fr="surchemise-fernand-laine",
        slug_en="fernand-wool-overshirt",
        summary_fr="Une laine vierge d'Écosse, presque un manteau léger.",
        summary_en="Scottish virgin wool, almost a light coat.",
        description_fr=(
            "Fernand est tissée dans une laine vierge écossaise au toucher sec. Elle garde au "
            "chaud sans gratter, doublée aux épaules pour passer sur une chemise."
        ),
        description_en=(
            "Fernand is woven from a dry-handed Scottish virgin wool. It keeps you warm without "
            "itching and is lined at the shoulders to slip over a shirt."
        ),
        cloth="wool",
        gender="unisex",
        size_range="letters",
        fit="ample",
        price="165.00",
        colours=("anthracite", "marine"),
        style=_OVERSHIRT,
        days_since_published=165,
        sold_out_colours=("anthracite",),
        larger_sizes_cost_more=True,
        detail=_DETAIL_POCKETS,
    ),
    ProductData(
        code="DEN",
        name_fr="Surchemise en denim",
        name_en="Denim overshirt",
        slug_fr="surchemise-denim",
        slug_en="denim-overshirt",
        summary_fr="Le denim japonais en surchemise, à porter toute l'année.",
        summary_en="Japanese denim as an overshirt, for all year round.",
        description_fr=(
            "Coupée dans le denim de Simon, cette surchemise est plus ample et dotée de deux "
            "poches à rabat. Elle blanchira aux coudes et aux poches, à votre façon."
        ),
        description_en=(
            "Cut from Simon's denim, this overshirt is looser and has two flap pockets. It will "
            "fade at the elbows and pockets, in your own way."
        ),
        cloth="denim",
        gender="unisex",
        size_range="letters",
        fit="ample",
        price="140.00",
        colours=("indigo",),
        style=_OVERSHIRT,
        days_since_published=135,
        detail=_DETAIL_POCKETS,
    ),
    ProductData(
        code="LIS",
        name_fr="Surchemise en lin épais",
        name_en="Heavy linen overshirt",
        slug_fr="surchemise-lin-epais",
        slug_en="heavy-linen-overshirt",
        summary_fr="La veste d'été : un lin épais qui se tient et respire.",
        summary_en="The summer jacket: a heavy linen that holds its shape and breathes.",
        description_fr=(
            "Un lin de 300 grammes, lavé pour perdre sa raideur, remplace la veste les soirs d'été. "
            "Ses poches à rabat accueillent un téléphone et des clés sans se déformer."
        ),
        description_en=(
            "A 300-gram linen, washed to lose its stiffness, replaces a jacket on summer evenings. "
            "Its flap pockets take a phone and keys without losing their shape."
        ),
        cloth="heavy_linen",
        gender="unisex",
        size_range="letters",
        fit="ample",
        price="140.00",
        colours=("sable", "vert-sauge", "ecru"),
        style=_OVERSHIRT,
        collections=("summer", "new"),
        is_new=True,
        days_since_published=8,
        detail=_DETAIL_POCKETS,
    ),
    ProductData(
        code="GAB",
        name_fr="Surchemise Gabin en moleskine",
        name_en="Gabin moleskin overshirt",
        slug_fr="surchemise-gabin-moleskine",
        slug_en="gabin-moleskin-overshirt",
        summary_fr="La moleskine anglaise, douce comme une peau de pêche.",
        summary_en="English moleskin, as soft as a peach.",
        description_fr=(
            "La moleskine est un coton très serré, gratté pour devenir doux comme du daim. Gabin "
            "coupe le vent et se porte de septembre à mai."
        ),
        description_en=(
            "Moleskin is a very dense cotton, brushed until it feels like suede. Gabin cuts the "
            "wind and is worn from September to May."
        ),
        cloth="moleskin",
        gender="unisex",
        size_range="letters",
        fit="ample",
        price="155.00",
        colours=("marine", "kaki"),
        style=_OVERSHIRT,
        days_since_published=155,
        larger_sizes_cost_more=True,
        detail=_DETAIL_POCKETS,
    ),
    # --- Not on sale: two drafts for next season, one archived piece -----------------------------
    ProductData(
        code="OCT",
        name_fr="Chemise Octave en popeline rayée",
        name_en="Octave striped poplin shirt",
        slug_fr="chemise-octave-popeline-rayee",
        slug_en="octave-striped-poplin-shirt",
        summary_fr="Pour l'automne : une rayure bordeaux sur une popeline épaisse.",
        summary_en="For autumn: a burgundy stripe on a heavier poplin.",
        description_fr=(
            "Octave sortira à la rentrée. Sa popeline plus épaisse est pensée pour les premiers "
            "jours frais, avec un col un peu plus haut."
        ),
        description_en=(
            "Octave arrives in September. Its heavier poplin is made for the first cool days, "
            "with a slightly taller collar."
        ),
        cloth="poplin",
        gender="male",
        size_range="collar",
        fit="droite",
        price="120.00",
        colours=("rayure-bordeaux",),
        style=_POINT,
        status="draft",
    ),
    ProductData(
        code="APO",
        name_fr="Blouse Apolline en soie",
        name_en="Apolline silk blouse",
        slug_fr="blouse-apolline-soie",
        slug_en="apolline-silk-blouse",
        summary_fr="Une blouse en soie lavande, en préparation pour l'automne.",
        summary_en="A lavender silk blouse, in the making for autumn.",
        description_fr=(
            "Apolline attend ses photos et son prix définitif. Elle reprend le crêpe de Chine de "
            "Rose, dans une coupe plus ample."
        ),
        description_en=(
            "Apolline is waiting for its photographs and final price. It uses Rose's crêpe de "
            "Chine in a looser cut."
        ),
        cloth="silk",
        gender="female",
        size_range="women",
        fit="ample",
        price="165.00",
        colours=("lavande",),
        style=_WOMEN_BAND,
        status="draft",
        detail=_DETAIL_BAND,
    ),
    ProductData(
        code="LUC",
        name_fr="Chemise Lucien en seersucker (Été 2026)",
        name_en="Lucien seersucker shirt (Summer 2026)",
        slug_fr="chemise-lucien-seersucker-ete-2026",
        slug_en="lucien-seersucker-shirt-summer-2026",
        summary_fr="Une pièce de l'été dernier, retirée de la vente.",
        summary_en="A piece from last summer, no longer on sale.",
        description_fr=(
            "Lucien a accompagné l'été 2026. Nous la gardons dans le catalogue pour l'historique "
            "des commandes et des factures."
        ),
        description_en=(
            "Lucien saw us through summer 2026. We keep it in the catalogue for the history of "
            "orders and invoices."
        ),
        cloth="seersucker",
        gender="male",
        size_range="collar",
        fit="droite",
        price="115.00",
        colours=("rayure-bordeaux",),
        style=_POINT,
        status="archived",
        days_since_published=400,
    ),
)
