/*
 * common.h: return codes and diagnostics shared by every kngg module.
 *
 * Engine functions return 0 on success or one of the negative codes below.
 * Messages for the user are handed to a diagnostics callback (kngg_diag_fn)
 * exactly once, where the failure is known; the engine itself never prints.
 */
#ifndef KNGG_COMMON_H
#define KNGG_COMMON_H

#define KNGG_VERSION "0.1.0"

enum {
	KNGG_OK = 0,
	KNGG_ERROR = -1,     /* generic failure, message given */
	KNGG_ENOTFOUND = -2, /* a named thing does not exist */
	KNGG_EINVALID = -3,  /* input or definitions are invalid */
	KNGG_ENOMEM = -4,    /* out of memory */
	KNGG_EIO = -5,       /* a file could not be read or written */
	KNGG_EBUSY = -6,     /* a resource stayed locked */
	KNGG_EEXISTS = -20   /* a name or file is taken */
};

/*
 * Receives one diagnostic line (no trailing newline, in Dutch where it is
 * meant for users). ctx is the pointer given alongside the callback.
 */
typedef void (*kngg_diag_fn)(void *ctx, const char *message);

#endif
