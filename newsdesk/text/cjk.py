"""Which characters are Chinese (Han), once for every rule that asks: 字数, search
segmentation and typography. The CJK Unified Ideographs with Extension A, the
compatibility ideographs and the supplementary planes (Extensions B and on: rare
characters of people's and place names are there)."""
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
