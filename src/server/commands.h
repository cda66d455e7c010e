/* The licportald sub-commands; each parses its own options and returns an lp_exit code. */
#ifndef LP_SERVER_COMMANDS_H
#define LP_SERVER_COMMANDS_H

int lp_cmd_init(int argc, char **argv);
int lp_cmd_user(int argc, char **argv);
int lp_cmd_demo(int argc, char **argv);
int lp_cmd_release(int argc, char **argv);
int lp_cmd_serve(int argc, char **argv);
int lp_cmd_keys(int argc, char **argv);
int lp_cmd_product(int argc, char **argv);
int lp_cmd_license(int argc, char **argv);
int lp_cmd_activation(int argc, char **argv);
int lp_cmd_import(int argc, char **argv);
int lp_cmd_export(int argc, char **argv);

#endif
