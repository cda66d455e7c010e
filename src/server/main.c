/* licportald entry point: dispatches to the sub-commands. */
#include <stdio.h>
#include <string.h>

#include "server/commands.h"
#include "server/exit_codes.h"

#ifndef LP_VERSION
#define LP_VERSION "unknown"
#endif

static void usage(FILE *out)
{
    fputs("Usage: licportald COMMAND [OPTIONS]\n"
          "The reference backend of the licportal Customer Self-Service Portal.\n"
          "\n"
          "Commands:\n"
          "  init --db PATH                 create or migrate the database\n"
          "  user add --db PATH --email E   add a portal user\n"
          "  user list|disable|enable|remove|passwd|reset-otp --db PATH ...\n"
          "                                 list and manage portal users\n"
          "  demo --db PATH --files DIR     fill the database with a demo data set\n"
          "  product add|list --db PATH ... add and list products\n"
          "  license add|list|show|extend|suspend|resume|revoke --db PATH ...\n"
          "                                 add, list and change licenses\n"
          "  activation list --db PATH      list activations\n"
          "  import licenses --db PATH --csv FILE [--dry-run]\n"
          "                                 add licenses from a CSV file, all or none\n"
          "  export licenses --db PATH --csv\n"
          "                                 write every license as CSV\n"
          "  release add --db PATH --files DIR --product ID --version V --platform P --file F\n"
          "                                 add a downloadable release\n"
          "  release list|remove --db PATH ...\n"
          "                                 list and remove releases\n"
          "  serve --db PATH --files DIR --listen ADDR --cert F --key F\n"
          "                                 serve the portal API over HTTPS\n"
          "  keys rotate --db PATH          make a new license-file signing key\n"
          "\n"
          "PATH is a SQLite file, or a postgresql:// URI for a database that several\n"
          "instances share (init, demo, serve and keys then need --signing-keys DIR).\n"
          "Run 'licportald COMMAND --help' for the options of a command.\n"
          "Exit status: 0 success, 1 error, 2 usage error.\n",
          out);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return LP_EXIT_USAGE;
    }
    const char *command = argv[1];
    if (strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0 || strcmp(command, "help") == 0) {
        usage(stdout);
        return LP_EXIT_OK;
    }
    if (strcmp(command, "--version") == 0) {
        printf("licportald %s\n", LP_VERSION);
        return LP_EXIT_OK;
    }
    if (strcmp(command, "init") == 0)
        return lpd_cmd_init(argc - 1, argv + 1);
    if (strcmp(command, "user") == 0)
        return lpd_cmd_user(argc - 1, argv + 1);
    if (strcmp(command, "demo") == 0)
        return lpd_cmd_demo(argc - 1, argv + 1);
    if (strcmp(command, "release") == 0)
        return lpd_cmd_release(argc - 1, argv + 1);
    if (strcmp(command, "serve") == 0)
        return lpd_cmd_serve(argc - 1, argv + 1);
    if (strcmp(command, "keys") == 0)
        return lpd_cmd_keys(argc - 1, argv + 1);
    if (strcmp(command, "product") == 0)
        return lpd_cmd_product(argc - 1, argv + 1);
    if (strcmp(command, "license") == 0)
        return lpd_cmd_license(argc - 1, argv + 1);
    if (strcmp(command, "activation") == 0)
        return lpd_cmd_activation(argc - 1, argv + 1);
    if (strcmp(command, "import") == 0)
        return lpd_cmd_import(argc - 1, argv + 1);
    if (strcmp(command, "export") == 0)
        return lpd_cmd_export(argc - 1, argv + 1);
    fprintf(stderr, "licportald: unknown command '%s' (see 'licportald --help')\n", command);
    return LP_EXIT_USAGE;
}
