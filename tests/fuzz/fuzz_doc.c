/*
 * fuzz_doc.c: libFuzzer target for the document vocabulary: any bytes are
 * parsed as XML, checked, and when accepted rendered as Markdown, HTML and
 * DOCX. Whatever a template produces, the renderers must neither crash nor
 * emit a Markdown or HTML document without its title.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc_priv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const kngg_doc_format formats[] = {KNGG_DOC_MD, KNGG_DOC_HTML, KNGG_DOC_DOCX};

	for (size_t i = 0; i < 3; i++) {
		kngg_buf why = {0};
		char *out = NULL;
		size_t len = 0;
		int rc = doc_render_xml((const char *)data, size, formats[i], &why, &out, &len);

		if (rc == 0 && (!out || !len))
			abort(); /* accepted but rendered nothing */
		if (rc == 0 && formats[i] == KNGG_DOC_DOCX && memcmp(out, "PK", 2) != 0)
			abort();
		if (rc < 0 && rc != KNGG_EINVALID && rc != KNGG_ENOMEM)
			abort();
		free(out);
		kngg_buf_free(&why);
		if (rc == KNGG_EINVALID)
			break; /* the check does not depend on the format */
	}
	return 0;
}
