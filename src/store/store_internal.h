/*
 * store_internal.h: what tests may reach inside the store.
 */
#ifndef KNGG_STORE_INTERNAL_H
#define KNGG_STORE_INTERNAL_H

/* The SQL that brings a database from version `from` to from + 1, or NULL. */
const char *kngg_store_migration_sql(int from);

#endif
