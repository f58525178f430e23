"""Table-driven cases for TERM001 and TERM002 in each language: good, bad and exempt text.

Each case is (markdown, expected findings as (line, col, code, text as written on the page)).
"""

from __future__ import annotations

import pytest

from tests.terms.helpers import findings

FRONT = "---\ntitle: {title}\ndescription: {description}\n---\n\n"

EN = {
    # bad: every place a reader sees text
    "paragraph": ("We seized child pornography.", [(1, 11, "TERM001", "child pornography")]),
    "case and plural": ("Two CHILD Pornographies.", [(1, 5, "TERM001", "CHILD Pornographies")]),
    "heading": ("# Child porn today { #x }", [(1, 3, "TERM001", "Child porn")]),
    "list item": ("- one\n- a child prostitute\n", [(2, 5, "TERM001", "child prostitute")]),
    "table cell": ("| a | b |\n|---|---|\n| kiddy porn | ok |\n", [(3, 3, "TERM001", "kiddy porn")]),
    "link text": ("See [child sex tourism](https://example.org/x).", [(1, 6, "TERM001", "child sex tourism")]),
    "image alt": ("![child pornography](img.png)", [(1, 3, "TERM001", "child pornography")]),
    "admonition": ("/// note | Child prostitution\n\nText.\n\n///", [(1, 12, "TERM001", "Child prostitution")]),
    "emphasis inside": ("A **child** pornography case.", [(1, 5, "TERM001", "child pornography")]),
    "line break": ("They found child\n  pornography there.", [(1, 12, "TERM001", "child pornography")]),
    "hyphen": ("So-called kiddy-porn sites.", [(1, 11, "TERM001", "kiddy-porn")]),
    "longest wins": ("child sex tourism", [(1, 1, "TERM001", "child sex tourism")]),
    "front matter": (FRONT.format(title="Child porn", description="About child prostitutes.") + "Body.",
                     [(2, 8, "TERM001", "Child porn"), (3, 20, "TERM001", "child prostitutes")]),
    "care": ("Online grooming is common.", [(1, 8, "TERM002", "grooming")]),
    "care acronym-free": ("The age of consent varies.", [(1, 5, "TERM002", "age of consent")]),
    # good
    "preferred": ("We seized child sexual abuse material.", []),
    "compound not matched": ("A child sexual offence; childcare; sextortionist-free.", []),
    "paragraph break": ("a child\n\npornography", []),
    "inline code": ("Run `child porn` in code.", []),
    "fenced code": ("```\nchild pornography\n```", []),
    "indented code": ("Text.\n\n    child pornography\n", []),
    "url": ("See https://example.org/child-pornography and <https://x.org/child-porn>.", []),
    "link target": ("[report](child-pornography.md)", []),
    "html comment": ("<!-- child pornography -->", []),
    "attribute list": ("## Terms { #child-porn }", []),
    # exceptions
    "legal title": ("The *Optional Protocol to the Convention on the Rights of the Child on the sale of "
                    "children, child prostitution and child pornography* is cited.", []),
    "legal title across lines": ("the sale of children, child prostitution and child\npornography", []),
    "only inside the title": ("the sale of children, child prostitution and child pornography; child pornography",
                              [(1, 65, "TERM001", "child pornography")]),
    "mention": ('The term "child pornography" trivialises abuse.', []),
    "mention list": ("The terms “child prostitute” and “child porn” blame the child.", []),
    "so-called": ("INTERPOL writes so-called ‘sex tourism’.", []),
    "quotes without marker": ('Never write "child porn".', [(1, 14, "TERM001", "child porn")]),
    "title exempts its own concept only": ("child sex offenders; child sex", [(1, 22, "TERM001", "child sex")]),
}

FR = {
    "paragraph": ("La pédopornographie est un crime.", [(1, 4, "TERM001", "pédopornographie")]),
    "elision": ("L’enfant prostituée est une victime.", [(1, 1, "TERM001", "L’enfant prostituée")]),
    "plural and no accents": ("Les enfants prostitues.", [(1, 5, "TERM001", "enfants prostitues")]),
    "adjective": ("Des images pédopornographiques.", [(1, 12, "TERM001", "pédopornographiques")]),
    "line break": ("la prostitution\nenfantine", [(1, 4, "TERM001", "prostitution\nenfantine".replace("\n", " "))]),
    "legal title": ("Le Protocole facultatif concernant la vente d'enfants, la prostitution des enfants et la "
                    "pornographie mettant en scène des enfants.", []),
    "mention": ("Le terme « pédopornographie » banalise l'abus.", []),
    "preferred": ("Le matériel d'abus sexuels sur enfants.", []),
    "mention, narrow no-break spaces": ("Le terme «\u202fpédopornographie\u202f» banalise l'abus.", []),
    "no-break space between words": ("La pornographie\u00a0infantile.", [(1, 4, "TERM001", "pornographie infantile")]),
    "elision d'": ("Des cas d'exploitation et d’enfants prostitués.", [(1, 27, "TERM001", "d’enfants prostitués")]),
}

ES = {
    "paragraph": ("La pornografía infantil es abuso.", [(1, 4, "TERM001", "pornografía infantil")]),
    "number": ("Las prostituciones infantiles.", [(1, 5, "TERM001", "prostituciones infantiles")]),
    "gender": ("Un niño prostituto; una menor prostituta.", [(1, 4, "TERM001", "niño prostituto"),
                                                              (1, 25, "TERM001", "menor prostituta")]),
    "no accents": ("pornografia infantil", [(1, 1, "TERM001", "pornografia infantil")]),
    "legal title": ("El Protocolo facultativo relativo a la venta de niños, la prostitución infantil y la "
                    "utilización de niños en la pornografía.", []),
    "mention": ("El término «porno infantil» es engañoso.", []),
    "care": ("El grooming en línea.", [(1, 4, "TERM002", "grooming")]),
}

AR = {
    "paragraph": ("ضبطت الشرطة المواد الإباحية للأطفال.", [(1, 13, "TERM001", "المواد الإباحية للأطفال")]),
    "conjunction prefix": ("والمواد الإباحية للأطفال", [(1, 1, "TERM001", "والمواد الإباحية للأطفال")]),
    "preposition and article": ("مكافحة بغاء الأطفال وبالمواد الإباحية المتعلقة بالأطفال",
                                [(1, 8, "TERM001", "بغاء الأطفال"),
                                 (1, 21, "TERM001", "وبالمواد الإباحية المتعلقة بالأطفال")]),
    "alef variants": ("بغاء الاطفال", [(1, 1, "TERM001", "بغاء الاطفال")]),
    "vowel marks": ("بِغَاء الأطفال", [(1, 1, "TERM001", "بِغَاء الأطفال")]),
    "mention": ("مصطلح «بغاء الأطفال» يلوم الطفل.", []),
    "legal title": ("البروتوكول الاختياري بشأن بيع الأطفال واستغلال الأطفال في البغاء وفي المواد الإباحية", []),
    "preferred": ("مواد الاعتداء الجنسي على الأطفال", []),
}

CASES = [(lang, name, md, expected) for lang, table in (("en", EN), ("fr", FR), ("es", ES), ("ar", AR))
         for name, (md, expected) in table.items()]


@pytest.mark.parametrize("lang,name,markdown,expected", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_terms(lang, name, markdown, expected):
    assert findings(markdown, lang) == expected
