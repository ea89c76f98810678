/*
 * cmd_region.c: stub, to be written.
 */
#include "cli/cli.h"

int cmd_region(kngg_cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	return cli_fail("nog niet beschikbaar");
}
