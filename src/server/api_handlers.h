/* The handlers of the portal API, one per route; each replies through response.h. */
#ifndef LP_SERVER_API_HANDLERS_H
#define LP_SERVER_API_HANDLERS_H

#include "server/request.h"

enum MHD_Result lpd_api_login(struct lpd_request *req);
enum MHD_Result lpd_api_refresh(struct lpd_request *req);
enum MHD_Result lpd_api_logout(struct lpd_request *req);
enum MHD_Result lpd_api_me(struct lpd_request *req);
enum MHD_Result lpd_api_dashboard(struct lpd_request *req);
enum MHD_Result lpd_api_license_list(struct lpd_request *req);
enum MHD_Result lpd_api_license_get(struct lpd_request *req);
enum MHD_Result lpd_api_license_reveal(struct lpd_request *req);
enum MHD_Result lpd_api_activation_list(struct lpd_request *req);
enum MHD_Result lpd_api_activation_delete(struct lpd_request *req);
enum MHD_Result lpd_api_download_list(struct lpd_request *req);
enum MHD_Result lpd_api_download_get(struct lpd_request *req);
enum MHD_Result lpd_api_download_file(struct lpd_request *req);
enum MHD_Result lpd_api_product_list(struct lpd_request *req);
enum MHD_Result lpd_api_token_create(struct lpd_request *req);
enum MHD_Result lpd_api_token_list(struct lpd_request *req);
enum MHD_Result lpd_api_token_delete(struct lpd_request *req);
enum MHD_Result lpd_api_offline_activation(struct lpd_request *req);
enum MHD_Result lpd_api_signing_keys(struct lpd_request *req);

#endif
