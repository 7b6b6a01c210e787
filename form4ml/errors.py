"""Errors users see: a code, the file, and what is wrong, on one line."""

MESSAGES = {
    "E001": "cannot read file",
    "E002": "file is empty",
    "E003": "file is binary, not text",
    "E004": "file is too large",
    "E005": "text is not a Form 4",
    "E010": "bad model",
    "E020": "bad annotation file",
    "E030": "too little training text",
}


class Form4Error(Exception):
    def __init__(self, code, path, detail=None):
        self.code, self.path = code, str(path)
        self.detail = detail or MESSAGES.get(code, "")
        super().__init__(f"{self.path}: [{code}] {self.detail}")
