/* The licportald sub-commands; each parses its own options and returns an lpd_exit code. */
#ifndef LP_SERVER_COMMANDS_H
#define LP_SERVER_COMMANDS_H

int lpd_cmd_init(int argc, char **argv);
int lpd_cmd_user(int argc, char **argv);
int lpd_cmd_demo(int argc, char **argv);
int lpd_cmd_release(int argc, char **argv);
int lpd_cmd_serve(int argc, char **argv);
int lpd_cmd_keys(int argc, char **argv);
int lpd_cmd_product(int argc, char **argv);
int lpd_cmd_license(int argc, char **argv);
int lpd_cmd_activation(int argc, char **argv);
int lpd_cmd_import(int argc, char **argv);
int lpd_cmd_export(int argc, char **argv);

#endif
