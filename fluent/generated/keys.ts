import '@servicenow/sdk/global'

declare global {
    namespace Now {
        namespace Internal {
            interface Keys extends KeysRegistry {
                explicit: {
                    'acl-connector-api': {
                        table: 'sys_security_acl'
                        id: '8be54a8505fb4eaa98a493c19b5a341d'
                    }
                    'acl-setup-api': {
                        table: 'sys_security_acl'
                        id: 'd1699f812eb14e3292fa8a23b1303110'
                    }
                    bom_json: {
                        table: 'sys_module'
                        id: 'be96656d5dd442739f8abee9f1c13dcb'
                    }
                    'br-protect-m365-fields-change': {
                        table: 'sys_script'
                        id: '7fa5c24301b44761b1cd4443f22ac6dc'
                    }
                    'br-protect-m365-fields-incident': {
                        table: 'sys_script'
                        id: '7fc47db9c21a4e4b9644219ff10adcbf'
                    }
                    'connector-api': {
                        table: 'sys_ws_definition'
                        id: 'edb7241afd0d4f8b900617b704481707'
                    }
                    'connector-api-v1': {
                        table: 'sys_ws_version'
                        id: 'b6a5c92144244d1296dc60d43b860b47'
                    }
                    'connector-delete-connection': {
                        table: 'sys_ws_operation'
                        id: 'dfe14ab9d15044d6a3cb2070b67e2a71'
                    }
                    'connector-delete-connection-tenant': {
                        table: 'sys_ws_query_parameter'
                        id: '6e5f4f8628b94709be1f4eaf52f08b0a'
                    }
                    'connector-get-connection': {
                        table: 'sys_ws_operation'
                        id: '0e55127af9694c57805ad4161e0a40de'
                    }
                    'connector-get-connection-tenant': {
                        table: 'sys_ws_query_parameter'
                        id: '0ce4dc723fcf42468b3429869233a447'
                    }
                    'connector-get-states': {
                        table: 'sys_ws_operation'
                        id: 'ce39456ba5b446a9b6226f1de25008a1'
                    }
                    'connector-get-states-tenant': {
                        table: 'sys_ws_query_parameter'
                        id: '73a17231114047f0af7b72a492643ab9'
                    }
                    'connector-get-ticket': {
                        table: 'sys_ws_operation'
                        id: 'd43d4b26b706438ba51ddfdb5259da4f'
                    }
                    'connector-get-ticket-tenant': {
                        table: 'sys_ws_query_parameter'
                        id: '362cf3ce28b543dab9e63fe51472e258'
                    }
                    'connector-get-tickets': {
                        table: 'sys_ws_operation'
                        id: '935c54420a184cd08190d1bfdc9e6098'
                    }
                    'connector-get-tickets-cursor': {
                        table: 'sys_ws_query_parameter'
                        id: '5ac903a3dc7c4fda942eb9eb434b0f82'
                    }
                    'connector-get-tickets-limit': {
                        table: 'sys_ws_query_parameter'
                        id: '92fbcb7e146347a5a084024ce41a19cc'
                    }
                    'connector-get-tickets-tenant': {
                        table: 'sys_ws_query_parameter'
                        id: 'f087a9c34ffa480f93c558a4aa66cdd6'
                    }
                    'connector-get-tickets-type': {
                        table: 'sys_ws_query_parameter'
                        id: '666ad9b0b26e425799d42d4330a25d85'
                    }
                    'connector-get-tickets-updated-since': {
                        table: 'sys_ws_query_parameter'
                        id: '0be9290d4547465cab5963efd560507a'
                    }
                    'connector-patch-ticket': {
                        table: 'sys_ws_operation'
                        id: '842aed99f626412187fe1d19b4250da2'
                    }
                    'connector-post-task': {
                        table: 'sys_ws_operation'
                        id: 'f775bc765e62464e90671787c4b0c733'
                    }
                    'connector-put-connection': {
                        table: 'sys_ws_operation'
                        id: '1fec51a3d52f409fb7cc5176d1bfc909'
                    }
                    'connector-put-state-names': {
                        table: 'sys_ws_operation'
                        id: '8e7b55c185074f84bdebf9a62281166f'
                    }
                    'csp-change-request-create': {
                        table: 'sys_scope_privilege'
                        id: '3d7097718d30460382406810d431b7a4'
                    }
                    'csp-change-request-read': {
                        table: 'sys_scope_privilege'
                        id: 'c940a2592ab447669aa4c26b9bbd06ac'
                    }
                    'csp-change-request-write': {
                        table: 'sys_scope_privilege'
                        id: '677518c819c94e9c8207f07680cab9c1'
                    }
                    'csp-incident-create': {
                        table: 'sys_scope_privilege'
                        id: '05d0f93f4781405ca011f164593041d7'
                    }
                    'csp-incident-read': {
                        table: 'sys_scope_privilege'
                        id: '122c4af575a74e86a095c67800e2f3f3'
                    }
                    'csp-incident-write': {
                        table: 'sys_scope_privilege'
                        id: 'b970d966b4fc4d378bb4f47b0c6361d9'
                    }
                    'csp-oauth-credential-delete': {
                        table: 'sys_scope_privilege'
                        id: '7f94d531c9004051b4b17478bc478599'
                    }
                    'csp-oauth-credential-read': {
                        table: 'sys_scope_privilege'
                        id: '4b7f02f6aa184c00b778866609388913'
                    }
                    'csp-oauth-entity-create': {
                        table: 'sys_scope_privilege'
                        id: '2a2192d4a9e04f4cb74fd9db3e7d9184'
                    }
                    'csp-oauth-entity-read': {
                        table: 'sys_scope_privilege'
                        id: '6bce96d2f6484bc48059866fe5205720'
                    }
                    'csp-oauth-entity-write': {
                        table: 'sys_scope_privilege'
                        id: '1b43544c106d4b01b65bc561c48cfccf'
                    }
                    'csp-sys-choice-read': {
                        table: 'sys_scope_privilege'
                        id: 'ace08697314c4a1c8a6bc41f0f3ec2c4'
                    }
                    'csp-sys-db-object-read': {
                        table: 'sys_scope_privilege'
                        id: '9a9ae518e97b4fbcb4336d5958eb04f3'
                    }
                    'csp-sys-scope-privilege-read': {
                        table: 'sys_scope_privilege'
                        id: '0ea324b618404f8da1b2553c8ecd1ce7'
                    }
                    'csp-sys-user-create': {
                        table: 'sys_scope_privilege'
                        id: '3261d2d4017e4f869527e4c1df344efe'
                    }
                    'csp-sys-user-group-read': {
                        table: 'sys_scope_privilege'
                        id: 'bdfcbdf02b954ea6a3e4ce2ad37694ed'
                    }
                    'csp-sys-user-has-role-create': {
                        table: 'sys_scope_privilege'
                        id: 'cad561d7da8e4d11b8651355b8a2c196'
                    }
                    'csp-sys-user-has-role-delete': {
                        table: 'sys_scope_privilege'
                        id: '001e9759efcc431ca9d9eedadf667b02'
                    }
                    'csp-sys-user-has-role-read': {
                        table: 'sys_scope_privilege'
                        id: '5a27d332b39945ed848482274470796b'
                    }
                    'csp-sys-user-read': {
                        table: 'sys_scope_privilege'
                        id: 'b1c362ed1125428a956c23307d992828'
                    }
                    'csp-sys-user-role-read': {
                        table: 'sys_scope_privilege'
                        id: '0c10a517bef743fa94542812178ff0af'
                    }
                    'csp-sys-user-write': {
                        table: 'sys_scope_privilege'
                        id: 'f892725672a94eb9981aad412f1509cf'
                    }
                    'job-purge-api-log': {
                        table: 'sysauto_script'
                        id: '149f6e845c5241b093b720554372977f'
                    }
                    'menu-m365-connector': {
                        table: 'sys_app_application'
                        id: '5df71c815d8f4cf189b481235f1d451e'
                    }
                    'module-api-log': {
                        table: 'sys_app_module'
                        id: '71c54704dab9462d80a886f36fc7b6a5'
                    }
                    'module-change-requests': {
                        table: 'sys_app_module'
                        id: 'bb511a468362411c83f03b0239828b79'
                    }
                    'module-connections': {
                        table: 'sys_app_module'
                        id: 'a0805526594e434aa462bb6c7748ab42'
                    }
                    'module-incidents': {
                        table: 'sys_app_module'
                        id: 'a4b9664db0754fe382d0d3d8db12074e'
                    }
                    'module-installation-checklist': {
                        table: 'sys_app_module'
                        id: '8edcfd464a594208831a55bd6f38d1ec'
                    }
                    'module-properties': {
                        table: 'sys_app_module'
                        id: '34a3a4e5f4e64c308f1579837460de72'
                    }
                    package_json: {
                        table: 'sys_module'
                        id: '1475000fddc94f6fbcbd0a5016e2758e'
                    }
                    'property-access-token-lifespan': {
                        table: 'sys_properties'
                        id: 'af9cd3dcfd1e41df983f551b50576d6a'
                    }
                    'property-api-log-retention-days': {
                        table: 'sys_properties'
                        id: 'a77cf0377a0d4c0db99d949993976975'
                    }
                    'property-change-assignment-group': {
                        table: 'sys_properties'
                        id: 'cbf82b159d04483293d6fae9f78e5191'
                    }
                    'property-default-ticket-type': {
                        table: 'sys_properties'
                        id: '7ebd8e1b76ac40d9b72a6fc6a043a470'
                    }
                    'property-incident-assignment-group': {
                        table: 'sys_properties'
                        id: '372980ce72184974ab5acac9e97853f8'
                    }
                    'property-max-request-body-bytes': {
                        table: 'sys_properties'
                        id: '4fd7a82952214d7e9d07fc701631c7d6'
                    }
                    'property-oauth-redirect-url': {
                        table: 'sys_properties'
                        id: '1ede19258b0e4406af058c217463d2a7'
                    }
                    'property-refresh-token-lifespan': {
                        table: 'sys_properties'
                        id: '65619e3e405e468b8e893485ebe0350d'
                    }
                    'script-include-connection-service': {
                        table: 'sys_script_include'
                        id: '31fcb69f78e7400989f72af1a6a8d2ec'
                    }
                    'script-include-ticket-service': {
                        table: 'sys_script_include'
                        id: 'c83fdf95a25846ccbb664f2b10eb4079'
                    }
                    'setup-api': {
                        table: 'sys_ws_definition'
                        id: 'e2e1deca0d94442a8b084e315f8af15c'
                    }
                    'setup-api-v1': {
                        table: 'sys_ws_version'
                        id: '4e5054ce2fb0447d905afca2714abeff'
                    }
                    'setup-delete-connection': {
                        table: 'sys_ws_operation'
                        id: '9d15339aa6194bd7b33049bf4cb9639c'
                    }
                    'setup-get-connections': {
                        table: 'sys_ws_operation'
                        id: 'adfc53beaa7b4976af75889ac1a0491c'
                    }
                    'setup-get-settings': {
                        table: 'sys_ws_operation'
                        id: '787b2bb57aa8412e8bc93b4fb1be2b41'
                    }
                    'setup-get-status': {
                        table: 'sys_ws_operation'
                        id: '48a239238743413e9cee8365ca102aab'
                    }
                    'setup-post-integration-user': {
                        table: 'sys_ws_operation'
                        id: 'f87360177b734a4394f1d4c9651e661a'
                    }
                    'setup-post-oauth-client': {
                        table: 'sys_ws_operation'
                        id: '4703edb975a24acfb0e797e9fc064aa0'
                    }
                    'setup-post-reset-password': {
                        table: 'sys_ws_operation'
                        id: 'a8a74c296d2e4e81a5e6208a0301260f'
                    }
                    'setup-put-settings': {
                        table: 'sys_ws_operation'
                        id: '1db02d45c70a470796e6637951039715'
                    }
                    'src_server_business-rules_protect-m365-fields_ts': {
                        table: 'sys_module'
                        id: '5fba1818ecae45ecb8ac4532b646a58f'
                    }
                    'src_server_connector_api-error_ts': {
                        table: 'sys_module'
                        id: 'c28cb0360ee847efbeb122bae56f4016'
                    }
                    'src_server_connector_api-log_ts': {
                        table: 'sys_module'
                        id: 'a32e4e0566fd4cb584243b028a9683c2'
                    }
                    src_server_connector_connections_ts: {
                        table: 'sys_module'
                        id: '2d6df0df768a4813a7ab8e0791ebc96e'
                    }
                    src_server_connector_settings_ts: {
                        table: 'sys_module'
                        id: 'c42f9cc3eeb64199bb29ba55f0c1d5d7'
                    }
                    src_server_connector_states_ts: {
                        table: 'sys_module'
                        id: '6be050098eb34748ad8d18040d2ef592'
                    }
                    'src_server_connector_task-intake_ts': {
                        table: 'sys_module'
                        id: '2c5b9eaad7fe47d7903635f88186620b'
                    }
                    src_server_connector_tickets_ts: {
                        table: 'sys_module'
                        id: '2861ba8b45e8408cb5456f6bc83127c2'
                    }
                    src_server_connector_validation_ts: {
                        table: 'sys_module'
                        id: '073d4f1ca92f4d4495ab4f4a198d9956'
                    }
                    'src_server_jobs_purge-api-log_ts': {
                        table: 'sys_module'
                        id: '58379c9e5fed4c13ba3bd4865f98d066'
                    }
                    'src_server_rest_connector-routes_ts': {
                        table: 'sys_module'
                        id: 'f0eb04e3ad884675a29c16068ccca076'
                    }
                    src_server_rest_route_ts: {
                        table: 'sys_module'
                        id: '960a4269330f40509dd27a487c5f8464'
                    }
                    'src_server_rest_setup-routes_ts': {
                        table: 'sys_module'
                        id: 'd90eda7aa3544f9fbd64cc9a5923e77c'
                    }
                    'src_server_services_script-api_ts': {
                        table: 'sys_module'
                        id: '69bde6b06d8547a18a9cc2ae13c14af2'
                    }
                    src_server_setup_checklist_ts: {
                        table: 'sys_module'
                        id: '1a8ddf9935db46d4ab6d42a4be4afc2e'
                    }
                    src_server_setup_common_ts: {
                        table: 'sys_module'
                        id: 'e0631f56c22545dbbc36ca3bc2394d59'
                    }
                    src_server_setup_connections_ts: {
                        table: 'sys_module'
                        id: '6b098aa36415483cbf8caf69378970e1'
                    }
                    'src_server_setup_integration-user_ts': {
                        table: 'sys_module'
                        id: '5dbc3c5eb77640e7b92fb0bea359251f'
                    }
                    'src_server_setup_oauth-client_ts': {
                        table: 'sys_module'
                        id: '146ad6852c2e42e5aba3693d351d2d4a'
                    }
                    src_server_setup_preflight_ts: {
                        table: 'sys_module'
                        id: '8a9c5f359d744f24989a584dc16dd60a'
                    }
                    src_server_setup_random_ts: {
                        table: 'sys_module'
                        id: '00ca7ada688f4b0182973b07708242ee'
                    }
                    src_server_setup_settings_ts: {
                        table: 'sys_module'
                        id: '9da358398c3f4957b38896edf1b93166'
                    }
                }
                composite: [
                    {
                        table: 'sys_documentation'
                        id: '0088f94aea4f4f4c8478f1373ab917fd'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'method'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '01b69087a5b64f7c9693d74bfb000dfe'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'status'
                            value: 'disconnected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '08babe2340654e4c9d3e1d48172a8e35'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'status'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '08d0844a3af54358bad99b1ba265e5d3'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'recommendation_category'
                            value: 'data'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '08d478a55ecb48949a39b1eb11bb9736'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'recommendation_source'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '0c5ce0c790c145dbb4911bde75eb2b70'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'method'
                        }
                    },
                    {
                        table: 'sn_glider_source_artifact_m2m'
                        id: '1228838401c64f57a095fd413369b650'
                        deleted: false
                        key: {
                            application_file: '21c85d091660464dbbdda4f22270a551'
                            source_artifact: '466b49ea45b74aefabef77df9202cc22'
                        }
                    },
                    {
                        table: 'sys_ui_page'
                        id: '14361415879c421db99b9bdbf1eb0cf5'
                        key: {
                            endpoint: 'x_mioms_m365ticket_checklist.do'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1445260fb4f841c0859f927b2aa59cc7'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'task_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '145fe1c82428404d8cbdce5e0d0557e6'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: '1881c97c0f6c483d968396b3a6f10230'
                        key: {
                            web_service_operation: '935c54420a184cd08190d1bfdc9e6098'
                            web_service_query_parameter: '92fbcb7e146347a5a084024ce41a19cc'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '189be7f70cfd49258c29fe7b9f056d9b'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'caller'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '18a2219c38074f4dae8b6a66753902ce'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'recommendation_category'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '19b432f6f2e34a669ac0b8002afd271d'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'connection'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: '19eeefd6ff0f423390d74a8abb788860'
                        key: {
                            web_service_operation: '935c54420a184cd08190d1bfdc9e6098'
                            web_service_query_parameter: '5ac903a3dc7c4fda942eb9eb434b0f82'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '1a91a4572ec547b8910860c50bea0535'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'recommendation_source'
                            value: 'user'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '1c10bd926e07484f8bc1795d5c18ac71'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'status'
                            value: 'connected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: '1de8e521a15f49c297c59d4266220ca1'
                        key: {
                            web_service_operation: 'd43d4b26b706438ba51ddfdb5259da4f'
                            web_service_query_parameter: '362cf3ce28b543dab9e63fe51472e258'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '1ff9c0a5843841199e22fd79d9b0c24e'
                        key: {
                            logical_table_name: 'x_mioms_m365ticket_incident'
                            col_name_string: 'connection,m365_task_id'
                        }
                    },
                    {
                        table: 'sys_ux_lib_asset'
                        id: '21c85d091660464dbbdda4f22270a551'
                        key: {
                            name: 'x_mioms_m365ticket/main.js.map'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '2518f36f398843bc9563e0722d6806f3'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'recommendation_category'
                            value: 'data'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2595fab8273d4dfa93c51e609a7f25e1'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'requested_by'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '27bdd3d52e1643249c622d6d11d94985'
                        key: {
                            name: 'change_request'
                            element: 'category'
                            value: 'security'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '293c4afe794d466e822e46606c6881f1'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'requested_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2a0a8c74eb124fdc9b612603482b583b'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'm365_task_id'
                        }
                    },
                    {
                        table: 'sys_user_role_contains'
                        id: '2a0f8f5f0d1e49bab2e53bce09d7f29b'
                        key: {
                            role: {
                                id: '320ffa09212f4a408d701e95c6eb6d0f'
                                key: {
                                    name: 'x_mioms_m365ticket.admin'
                                }
                            }
                            contains: {
                                id: '7bdab9298dee4080abb472c793b2f8d8'
                                key: {
                                    name: 'x_mioms_m365ticket.user'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2d0b84eb25d744ad9f6e23d80dbe11ac'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'last_contact_at'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2d4ed32be00e412cab358b73b155e765'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'oauth_client'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '2e0717bb80fc4b1bba2034110301a7dc'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'recommendation_category'
                            value: 'apps'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sn_glider_source_artifact_m2m'
                        id: '2f51ca3dbc0f4be5b3f95271b168873c'
                        deleted: false
                        key: {
                            application_file: '14361415879c421db99b9bdbf1eb0cf5'
                            source_artifact: '466b49ea45b74aefabef77df9202cc22'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '30791823463642daa9626b4075a6efdd'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '30dac9fdeb4d4a9baf68c0cbf09e8108'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'm365_task_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: '315720344ab441fa8b8079de87dcfe39'
                        key: {
                            web_service_operation: 'dfe14ab9d15044d6a3cb2070b67e2a71'
                            web_service_query_parameter: '6e5f4f8628b94709be1f4eaf52f08b0a'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: '320ffa09212f4a408d701e95c6eb6d0f'
                        key: {
                            name: 'x_mioms_m365ticket.admin'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '34434008ee8842c5ab145cf23bf96d33'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'tenant_name'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '345ef7cdb2454c26aaca99643ee2d60d'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '34d4b027e0fd41d9971077c92cc1ffc3'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'requested_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3829bfc87a59439aa153dc640e8ac4e2'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'oauth_client'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '3b30f9ce93f54a0dbca8e4d65622001e'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'recommendation_category'
                            value: 'apps'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '3d01036fbfd34e848b7dabf53e1b4ed5'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'recommendation_source'
                            value: 'microsoft'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '418a0f57b23040a3a59ade3cc1ca806c'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'ticket_number'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '419ffaefd05c4894ac16cc6d88677461'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'status'
                        }
                    },
                    {
                        table: 'sn_glider_source_artifact'
                        id: '466b49ea45b74aefabef77df9202cc22'
                        deleted: false
                        key: {
                            name: 'x_mioms_m365ticket_checklist.do - BYOUI Files'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '47706ba79313414ba1d3015ebcd974bd'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'tenant_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '47b3c649185f4509a8a30fc4e5715721'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'integration_user'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '47f93c4a97ae47879b661eeb392c04c9'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'recommendation_source'
                            value: 'user'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '48d017316aec4ce1bd4fe4391a644317'
                        key: {
                            logical_table_name: 'x_mioms_m365ticket_change_request'
                            col_name_string: 'connection,m365_task_id'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '4c7d5e1e765e43798d7111cff0ccc536'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: '4ee131f32f1d4e288c838476307e8a16'
                        key: {
                            web_service_operation: '935c54420a184cd08190d1bfdc9e6098'
                            web_service_query_parameter: '666ad9b0b26e425799d42d4330a25d85'
                        }
                    },
                    {
                        table: 'sys_ux_lib_asset'
                        id: '507c83c84e944c9b9affcd7f6adb2a59'
                        key: {
                            name: 'x_mioms_m365ticket/vendor-react-dom--535a40c9'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '55dbcec292e74d60a7554230ef66c614'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'recommendation_category'
                            value: 'identity'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5b8a1cae799549019f46b15fafa4e737'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'action_url'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6060bd8b54f2492794bd99f0b2611ea3'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'intake_payload'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '615675b828c044858992db4b79df9f4a'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'recommendation_source'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '61728c88e1cc4db5b49633ae628bf2bc'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'intake_payload'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '628435eb80ac4550b918b15fd8c761d9'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'intake_payload'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '64ee2c4254a84c23a63e37d83e184813'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'recommendation_category'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '65d84a68cfe74148a91ba1cae3fa721d'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'm365_task_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '673b512d564c40708e0afba3fe40fad4'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'connection'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '673b601350a34dab8ec84d12ccda4d8e'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'connection'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6bf5c0ed79414ad89750ccdcc4385e35'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6c67501c405f401682ca3a1214ed0c5e'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'action_url'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6df749d918f34e2da0dca2b206d6980b'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'http_status'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6f61e642a85d4e1293daf0fdd0a602ca'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'connection'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6fd7a0d62a7d4e2bb3d0b92a8778e71c'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'tenant_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7027710eb40842768ac61fb97e0e933b'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'status'
                            value: 'pending'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '70ec8928670044c090e3641295083ebf'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'last_error'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '74d55ae8394343198e1ee4c33f82a0f5'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'route'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: '793dcd3d32514e02b47bc228dee01ca1'
                        key: {
                            web_service_operation: '935c54420a184cd08190d1bfdc9e6098'
                            web_service_query_parameter: '0be9290d4547465cab5963efd560507a'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7bc3e2a6b4f74207bc25e5fdf9778f7c'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'recommendation_category'
                            value: 'identity'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: '7bdab9298dee4080abb472c793b2f8d8'
                        key: {
                            name: 'x_mioms_m365ticket.user'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7c5bc619eac44761bb93fc7d30e11e18'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'secure_score_control'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '7e8fb11793bf44acb8d30601d414dffe'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '820d46d1c0ba4d7b8f551b206a8ae1f5'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'recommendation_category'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '83370e0b5cab49bd9534e97d30678ef7'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'connected_by'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '882afb11889147289a908faba4f2d2be'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'recommendation_source'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '89311964ea6c4bee8b822a3384d141eb'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'recommendation_category'
                            value: 'infrastructure'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: '89981edb0b80493291833692851cd61f'
                        key: {
                            web_service_operation: '935c54420a184cd08190d1bfdc9e6098'
                            web_service_query_parameter: 'f087a9c34ffa480f93c558a4aa66cdd6'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '89a63f5a42ff410cadf36656831f3c44'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'recommendation_category'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8aee68b48afd4dc38ceacb3b908a10c5'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'tenant_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '939ca319969f44009059a439ba84c2f4'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'duration_ms'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '9415cfa43c68422a9c2e29846f5ed0ea'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'connection'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '95b992f7e98b454e874f4325b3ede8c7'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'secure_score_control'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '9a12d39b7c72444c88f44c41a7ed5604'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '9c9638fd95764654b8df20300ee435fe'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'recommendation_source'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '9d8e3913e27c443bb6ea8ea03d4b91e2'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '9f79c82e9d654e1ea8407605628ed55a'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a1f056cb94c141f98ed0d65ed958c5b9'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'm365_task_id'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a57fc518b9d14e838f0efc479897213b'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'connected_at'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a5d09bf64821492c9dcda6b776886d43'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'last_error'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a72bc3098e494d13bd4ea581f2995784'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'intake_payload'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a95dca48764b45ce8d2d5c87ab484bac'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'recommendation_category'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'aaf3da6efe87418da1c2d1a880f60fc9'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ae555006a25d4706a1123308f1ea3e93'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'last_contact_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ae6f17cf3e1a4f729e2a03e0a4e11ab9'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'error_message'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'aea1ab5af003426e9ce0be0bf1f2163c'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'action_url'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b1781fc7b302472e9eeb2dd58af9928f'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'task_id'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b2a19490f0974a8fbeec94964269c681'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: 'b2b2718cd35e418993061189aee66c20'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b3889f24f10341a299c452329f4e395c'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'tenant_id'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b3d444f938624c28af4bfc3296d80d28'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'integration_user'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b970847eb29349268222e8496b00387b'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'recommendation_source'
                            value: 'microsoft'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b9d09fd57ff64657b656b5e9d1f3f7a8'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'ticket_number'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'bad37ce2ea294e0089de24f5e1c84d56'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'recommendation_source'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'be142e4a5c5e4ba39bd2324ef12877c4'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'recommendation_category'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'bedd0048b1c745aa8eac1edd4428cb73'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c2466077c9bf4090ad3a275ad7557281'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'requested_by'
                        }
                    },
                    {
                        table: 'sn_glider_source_artifact_m2m'
                        id: 'c2f53c29ffa94e3499075fabac0a4bc0'
                        deleted: false
                        key: {
                            application_file: 'e256badc74c845f08169852df24a958e'
                            source_artifact: '466b49ea45b74aefabef77df9202cc22'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c33e003afc12405fad057d127db5e728'
                        key: {
                            sys_security_acl: 'd1699f812eb14e3292fa8a23b1303110'
                            sys_user_role: {
                                id: '320ffa09212f4a408d701e95c6eb6d0f'
                                key: {
                                    name: 'x_mioms_m365ticket.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c4c23816a407436fb6c6f8c14b9e4385'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'secure_score_control'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'c628e7da430a4ab0a0a5b73cf5e19ebe'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'c6c60166289144158457c2013a468a9b'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'recommendation_category'
                            value: 'devices'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ux_lib_asset'
                        id: 'c9501cb3d3314452842c15fb9983b47d'
                        key: {
                            name: 'x_mioms_m365ticket/vendor-react-dom--535a40c9.js.map'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'cbb425af39fe4c0aae91bcd44cf7de95'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'status'
                            value: 'error'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: 'cbf7cc7bf9ba48b79b323107257a86ac'
                        key: {
                            logical_table_name: 'x_mioms_m365ticket_connection'
                            col_name_string: 'tenant_id'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: 'cd385540d5c54c1cb18c5f580ea46267'
                        key: {
                            name: 'x_mioms_m365ticket.integration'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cdd2119762814d9eaaf039270cd84d3b'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'secure_score_control'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ce3f4d5e1d5f4cd19efec32a6675157f'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'action_url'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd34d9e6c49d14667886118e13a993ac9'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'error_message'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd7f3922f9dee4b7287804b690d6a6540'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'http_status'
                        }
                    },
                    {
                        table: 'sn_glider_source_artifact_m2m'
                        id: 'dadca22d9ed34a268ab7c5b64bf0f4e7'
                        deleted: false
                        key: {
                            application_file: 'c9501cb3d3314452842c15fb9983b47d'
                            source_artifact: '466b49ea45b74aefabef77df9202cc22'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'deb6c7c09b81473a8ae679c5eb248c73'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'state_names'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'df0076bcdba94fa186705e996a482f12'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'recommendation_source'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'dff63868ca714f278181f0c822a95e44'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'recommendation_category'
                            value: 'devices'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e13c8349adc045a08047690e285f5923'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'duration_ms'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ux_lib_asset'
                        id: 'e256badc74c845f08169852df24a958e'
                        key: {
                            name: 'x_mioms_m365ticket/main'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e860da3e8a9c4811a585a524af2dae9b'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'tenant_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'edfeab9844124c908f84a5c672422eb0'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'ee83c145ab8a4d068895696100b2fc6b'
                        key: {
                            sys_security_acl: '8be54a8505fb4eaa98a493c19b5a341d'
                            sys_user_role: {
                                id: 'cd385540d5c54c1cb18c5f580ea46267'
                                key: {
                                    name: 'x_mioms_m365ticket.integration'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'eea5a97a391a4f01883a340649383180'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'recommendation_category'
                            value: 'infrastructure'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'eef60a9410f34f5983f1f7552a2c54f7'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f1180bd2a06840e993ef91602799bdbf'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'state_names'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: 'f188e2e67ace4344b64fa0c3d72e8e1d'
                        key: {
                            web_service_operation: 'ce39456ba5b446a9b6226f1de25008a1'
                            web_service_query_parameter: '73a17231114047f0af7b72a492643ab9'
                        }
                    },
                    {
                        table: 'sn_glider_source_artifact_m2m'
                        id: 'f19188cbb77e4440a8f9765057e6b1cd'
                        deleted: false
                        key: {
                            application_file: '507c83c84e944c9b9affcd7f6adb2a59'
                            source_artifact: '466b49ea45b74aefabef77df9202cc22'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f3ce55a232d64c149cbce4f44b35a7b9'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'connected_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f967a891b6384c8284e852ce3e4a78a8'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'caller'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'fc94ca266fb24999bbf77120ede6bfa0'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'connected_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'fce127514ca148e2a1a157b9424a20e7'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            element: 'route'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'fedce73f9919495ca2d07a1157bf3436'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'connection'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: 'ff6af56107ea4618aaecbe3c3911d465'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: 'ff6c2bd505af44a1bf5308c6c4fbee1e'
                        key: {
                            web_service_operation: '0e55127af9694c57805ad4161e0a40de'
                            web_service_query_parameter: '0ce4dc723fcf42468b3429869233a447'
                        }
                    },
                ]
            }
        }
    }
}
