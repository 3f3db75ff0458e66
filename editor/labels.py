"""The fixed labels of the exported page, in each article language.

The Vietnamese wording is the Hải Phòng portal's own (see
``shared/reference/ANATOMY.md``), including its English "Print" and "QR CODE".
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "print": "Print",
        "original": "Gốc",
        "information": "Tiện ích thông tin",
        "source": "Nguồn tin",
        "qr_caption": "QR CODE: {title}",
        "qr_label": "QR Code",
        "social": "Chúng tôi trên Mạng Xã hội",
        "fanpage_qr": "QR Code Fanpage",
        "fanpage_default": "Mã QR Code truy cập vào Fanpage {site}",
        "related": "Tin khác",
        "photo_credit": "Ảnh: {credit}",
        "byline": "Tác giả",
        "untitled": "(Chưa có tiêu đề)",
        "document_number": "Số: {number}",
    },
    "en": {
        "print": "Print",
        "original": "Original",
        "information": "Information tools",
        "source": "News source",
        "qr_caption": "QR CODE: {title}",
        "qr_label": "QR Code",
        "social": "Follow us on social media",
        "fanpage_qr": "QR Code Fanpage",
        "fanpage_default": "QR code to reach the fanpage of {site}",
        "related": "Other news",
        "photo_credit": "Photo: {credit}",
        "byline": "Author",
        "untitled": "(Untitled)",
        "document_number": "No. {number}",
    },
}


def labels_for(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["vi"])
