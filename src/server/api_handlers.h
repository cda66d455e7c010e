/* The handlers of the portal API, one per route; each replies through response.h. */
#ifndef LP_SERVER_API_HANDLERS_H
#define LP_SERVER_API_HANDLERS_H

#include "server/request.h"

enum MHD_Result lp_api_login(struct lp_request *req);
enum MHD_Result lp_api_refresh(struct lp_request *req);
enum MHD_Result lp_api_logout(struct lp_request *req);
enum MHD_Result lp_api_me(struct lp_request *req);
enum MHD_Result lp_api_dashboard(struct lp_request *req);
enum MHD_Result lp_api_license_list(struct lp_request *req);
enum MHD_Result lp_api_license_get(struct lp_request *req);
enum MHD_Result lp_api_license_reveal(struct lp_request *req);
enum MHD_Result lp_api_activation_list(struct lp_request *req);
enum MHD_Result lp_api_activation_delete(struct lp_request *req);
enum MHD_Result lp_api_download_list(struct lp_request *req);
enum MHD_Result lp_api_download_get(struct lp_request *req);
enum MHD_Result lp_api_download_file(struct lp_request *req);
enum MHD_Result lp_api_product_list(struct lp_request *req);
enum MHD_Result lp_api_token_create(struct lp_request *req);
enum MHD_Result lp_api_token_list(struct lp_request *req);
enum MHD_Result lp_api_token_delete(struct lp_request *req);
enum MHD_Result lp_api_offline_activation(struct lp_request *req);
enum MHD_Result lp_api_signing_keys(struct lp_request *req);

#endif
