import '@servicenow/sdk/global'

declare global {
    namespace Now {
        namespace Internal {
            interface Keys extends KeysRegistry {
                explicit: {
                    'acl-api-log-create': {
                        table: 'sys_security_acl'
                        id: '2a2c5625e0b94ca784bf32c9afcc9569'
                    }
                    'acl-api-log-delete': {
                        table: 'sys_security_acl'
                        id: '94c07a6bf00440f394b66c760cf83256'
                    }
                    'acl-api-log-read': {
                        table: 'sys_security_acl'
                        id: 'fdef38bddcf2486a8974934749e345dd'
                    }
                    'acl-api-log-write': {
                        table: 'sys_security_acl'
                        id: '4ab7997384314e90bc225d4c2b7e5bf4'
                    }
                    'acl-change-action-url-write': {
                        table: 'sys_security_acl'
                        id: 'd20bd38aacea4665b775e02efaf49f58'
                    }
                    'acl-change-connection-write': {
                        table: 'sys_security_acl'
                        id: '0d9d476eb6c44f36b829341b13e0ae70'
                        deleted: true
                    }
                    'acl-change-create': {
                        table: 'sys_security_acl'
                        id: 'c6fad4466b3440009e29e9a821bb75d6'
                    }
                    'acl-change-delete': {
                        table: 'sys_security_acl'
                        id: 'f9ff874250824f5d947fd517cc080565'
                    }
                    'acl-change-intake-payload-write': {
                        table: 'sys_security_acl'
                        id: '09f435c044284ffb846d9c36b2de5570'
                        deleted: true
                    }
                    'acl-change-m365-requested-by-write': {
                        table: 'sys_security_acl'
                        id: '779671c103ff484f9303f4740bc9205f'
                    }
                    'acl-change-m365-task-id-write': {
                        table: 'sys_security_acl'
                        id: '4b61b3d6cf7543ee9dcac98110f6b13a'
                        deleted: true
                    }
                    'acl-change-read': {
                        table: 'sys_security_acl'
                        id: 'fb392271437040fdb86266208d66d1ec'
                    }
                    'acl-change-recommendation-category-write': {
                        table: 'sys_security_acl'
                        id: '10fcef15ac2c4535a32f79278ef0d331'
                    }
                    'acl-change-recommendation-source-write': {
                        table: 'sys_security_acl'
                        id: '9f2c94272f54483aaa41e0227b3768ec'
                    }
                    'acl-change-secure-score-control-write': {
                        table: 'sys_security_acl'
                        id: '77a172d2a93646db8d484c0cddd956fe'
                    }
                    'acl-change-write': {
                        table: 'sys_security_acl'
                        id: 'c328984f33304969874e38c33a5a2b02'
                    }
                    'acl-checklist-page-read': {
                        table: 'sys_security_acl'
                        id: '161f2523a0324b588414f7c49c347dfb'
                    }
                    'acl-connection-create': {
                        table: 'sys_security_acl'
                        id: 'a42981f4a14b453f8e19148c1f67e26e'
                    }
                    'acl-connection-delete': {
                        table: 'sys_security_acl'
                        id: 'c74071d3701d47289d0a5143d0a0275a'
                    }
                    'acl-connection-read': {
                        table: 'sys_security_acl'
                        id: 'a89fc2d45dd446769b16522720f3545e'
                    }
                    'acl-connection-write': {
                        table: 'sys_security_acl'
                        id: '330cd54cc67a4e74958cdd55d9fa62cb'
                    }
                    'acl-connector-api': {
                        table: 'sys_security_acl'
                        id: '8be54a8505fb4eaa98a493c19b5a341d'
                    }
                    'acl-incident-action-url-write': {
                        table: 'sys_security_acl'
                        id: '0cf092e6e688416aa607ba403579dcce'
                    }
                    'acl-incident-connection-write': {
                        table: 'sys_security_acl'
                        id: '13e35e4d4b1b4e2eb06d638f132d6c7d'
                        deleted: true
                    }
                    'acl-incident-create': {
                        table: 'sys_security_acl'
                        id: '64436b7001034abb9f64206acb3a7d2d'
                    }
                    'acl-incident-delete': {
                        table: 'sys_security_acl'
                        id: '0f6e5c11511443518326655cbec12f77'
                    }
                    'acl-incident-intake-payload-write': {
                        table: 'sys_security_acl'
                        id: '932fd2d681c94d009b4c89d3f201406c'
                        deleted: true
                    }
                    'acl-incident-m365-requested-by-write': {
                        table: 'sys_security_acl'
                        id: 'b34013837e284a1aac2199efacc21def'
                    }
                    'acl-incident-m365-task-id-write': {
                        table: 'sys_security_acl'
                        id: '8c3d1d7bd3ea43d49bb7d964abeb405c'
                        deleted: true
                    }
                    'acl-incident-read': {
                        table: 'sys_security_acl'
                        id: '5cea88d184264a20bc01e6f296e31327'
                    }
                    'acl-incident-recommendation-category-write': {
                        table: 'sys_security_acl'
                        id: 'a13c100db61546c78cdbb4f6985190d3'
                    }
                    'acl-incident-recommendation-source-write': {
                        table: 'sys_security_acl'
                        id: '464af507679c4d62b3e6f45ea63fd655'
                    }
                    'acl-incident-secure-score-control-write': {
                        table: 'sys_security_acl'
                        id: '90761aa748894322b62fe03a6fdf06b3'
                    }
                    'acl-incident-write': {
                        table: 'sys_security_acl'
                        id: 'aa0faea6d6e244d9be7e6258a07d8db9'
                    }
                    'acl-m365-comment-create': {
                        table: 'sys_security_acl'
                        id: '8bae7d9fc04849d48d98e977686ea6a1'
                    }
                    'acl-m365-comment-delete': {
                        table: 'sys_security_acl'
                        id: 'b61279424705445fa986ce1256f0e3bf'
                    }
                    'acl-m365-comment-read': {
                        table: 'sys_security_acl'
                        id: '777d3ff1c3ac48baae91dd30b63db17d'
                    }
                    'acl-m365-comment-write': {
                        table: 'sys_security_acl'
                        id: 'f60abcc6b4904ceca04fe3206567f9e8'
                    }
                    'acl-setup-api': {
                        table: 'sys_security_acl'
                        id: 'd1699f812eb14e3292fa8a23b1303110'
                    }
                    'acl-ticket-history-create': {
                        table: 'sys_security_acl'
                        id: 'adeabd916ff84b69b1083db8da96143d'
                    }
                    'acl-ticket-history-delete': {
                        table: 'sys_security_acl'
                        id: '0bbeeb6e79cb43f5a01a6eb1d5962d7c'
                    }
                    'acl-ticket-history-read': {
                        table: 'sys_security_acl'
                        id: '66a0c7c3a36c40a8a3434443a0ccee98'
                    }
                    'acl-ticket-history-write': {
                        table: 'sys_security_acl'
                        id: '7299c7f6cc4a4ffa8456c708761a1563'
                    }
                    'atf-connection-cache': {
                        table: 'sys_atf_test'
                        id: '9cb7614bde484ce9bfaba935d9f4f28e'
                    }
                    'atf-connection-cache-arrange': {
                        table: 'sys_atf_step'
                        id: '7360904d3f244b80b8a43623cb5b16ec'
                    }
                    'atf-connection-cache-verify': {
                        table: 'sys_atf_step'
                        id: '8084992a1e744da9a60d3d2be6bbc2bf'
                    }
                    'atf-connector-conflict': {
                        table: 'sys_atf_test'
                        id: '04e5bd91c7184ca4ac5f915c9b365cb9'
                    }
                    'atf-connector-conflict-201': {
                        table: 'sys_atf_step'
                        id: 'ae43b964ebd04d35944e842ccf629843'
                    }
                    'atf-connector-conflict-409': {
                        table: 'sys_atf_step'
                        id: '998c4c0ec93545059edf19bdc0d5dcca'
                    }
                    'atf-connector-conflict-arrange': {
                        table: 'sys_atf_step'
                        id: 'd114064bba7242d8b4edc40f39fe112f'
                    }
                    'atf-connector-conflict-detail': {
                        table: 'sys_atf_step'
                        id: 'c0bf0c59e13c4336bdba0423141ad99f'
                    }
                    'atf-connector-conflict-envelope': {
                        table: 'sys_atf_step'
                        id: 'd8d6b9c3241442b1803a5c03fa5baf6c'
                    }
                    'atf-connector-conflict-message': {
                        table: 'sys_atf_step'
                        id: 'aa3e1539ba04468ca5e5ddeb4660b9fb'
                    }
                    'atf-connector-conflict-post-1': {
                        table: 'sys_atf_step'
                        id: '4c4013d98ac347b2aa601a02de653f8e'
                    }
                    'atf-connector-conflict-post-2': {
                        table: 'sys_atf_step'
                        id: 'a4e9124a14a54cea908b4b6eff4d9ad2'
                    }
                    'atf-connector-conflict-verify': {
                        table: 'sys_atf_step'
                        id: 'ea839b4218894797b4cb9b77815c450a'
                    }
                    'atf-connector-create': {
                        table: 'sys_atf_test'
                        id: '004a5d1a03ac4d3e9e4f971fed97bcad'
                        deleted: false
                    }
                    'atf-connector-create-201': {
                        table: 'sys_atf_step'
                        id: 'b32713e76d6f4a7f892cd36bb66235d2'
                    }
                    'atf-connector-create-arrange': {
                        table: 'sys_atf_step'
                        id: 'c231f5c946f54adcbbee1d97518bc120'
                        deleted: false
                    }
                    'atf-connector-create-json': {
                        table: 'sys_atf_step'
                        id: '9f849632fe18460a8dc7ab2c201e4681'
                    }
                    'atf-connector-create-location': {
                        table: 'sys_atf_step'
                        id: '7d6f3e698b1c43fea76b63ed5487fabf'
                    }
                    'atf-connector-create-name': {
                        table: 'sys_atf_step'
                        id: 'd1691cdbf99f478baa8b2efc478e443b'
                    }
                    'atf-connector-create-number': {
                        table: 'sys_atf_step'
                        id: '7abbe0b2274f4b75817f48f9bbe549c2'
                    }
                    'atf-connector-create-number-prefix': {
                        table: 'sys_atf_step'
                        id: '2ed405447bb04fa886f2258b190d7f84'
                    }
                    'atf-connector-create-post': {
                        table: 'sys_atf_step'
                        id: 'ea6cd334ded14c7288339c430afc735a'
                        deleted: false
                    }
                    'atf-connector-create-record': {
                        table: 'sys_atf_step'
                        id: '4be4adfb4ef44cc08644376e4aa46043'
                    }
                    'atf-connector-create-status': {
                        table: 'sys_atf_step'
                        id: '333381b20d984407b02b8c6f0dbafa33'
                        deleted: true
                    }
                    'atf-connector-create-task-id': {
                        table: 'sys_atf_step'
                        id: '245832a372ff4988ba2d31fcb517ac21'
                    }
                    'atf-connector-create-type': {
                        table: 'sys_atf_step'
                        id: 'ad8f6ff7405f4b52a79edc390e4b0f1e'
                    }
                    'atf-connector-create-verify': {
                        table: 'sys_atf_step'
                        id: 'ee1859362a774a51866964d8c1f8739d'
                    }
                    'atf-connector-forbidden': {
                        table: 'sys_atf_test'
                        id: 'e4bd6a8de6484be5a9608a13d0f4b7c0'
                    }
                    'atf-connector-forbidden-arrange-no-role': {
                        table: 'sys_atf_step'
                        id: '1edbb19b62354766a17711f7bcc9c1b3'
                    }
                    'atf-connector-forbidden-arrange-other': {
                        table: 'sys_atf_step'
                        id: '5698700c5a65487eafea74763b504ff9'
                    }
                    'atf-connector-forbidden-arrange-unconnected': {
                        table: 'sys_atf_step'
                        id: 'a1a42c6ce34747989561593a80cd82f9'
                    }
                    'atf-connector-forbidden-no-role-403': {
                        table: 'sys_atf_step'
                        id: '0c608d82fe4f4cc38bcffabc5cc6dcd1'
                    }
                    'atf-connector-forbidden-no-role-no-ticket': {
                        table: 'sys_atf_step'
                        id: '15027bf0fee6462c85f79cec6da7cff4'
                    }
                    'atf-connector-forbidden-other-403': {
                        table: 'sys_atf_step'
                        id: 'b6801767082f4b97b4ba72e0ee31f82a'
                    }
                    'atf-connector-forbidden-other-message': {
                        table: 'sys_atf_step'
                        id: 'fced708ba6774f4ba0ea252ca8463970'
                    }
                    'atf-connector-forbidden-post-no-role': {
                        table: 'sys_atf_step'
                        id: '5c1d362d281748b099d07803a5730188'
                    }
                    'atf-connector-forbidden-post-other': {
                        table: 'sys_atf_step'
                        id: '1f80cf0fd55d47fc80239bfabc4962b0'
                    }
                    'atf-connector-forbidden-post-unknown': {
                        table: 'sys_atf_step'
                        id: 'd3352ef932034156925d740ac8143311'
                    }
                    'atf-connector-forbidden-unknown-403': {
                        table: 'sys_atf_step'
                        id: '1c9ec1dea02b44caa90e31a37513a715'
                    }
                    'atf-connector-forbidden-unknown-envelope': {
                        table: 'sys_atf_step'
                        id: 'ba9e6397ddd24d5db7d2a97060383976'
                    }
                    'atf-connector-forbidden-unknown-message': {
                        table: 'sys_atf_step'
                        id: '21b1249946a84536ad6e3d046e272213'
                    }
                    'atf-connector-forbidden-verify': {
                        table: 'sys_atf_step'
                        id: 'f78e6794c62c44bbbfb28273c7f5ac2e'
                    }
                    'atf-connector-invalid': {
                        table: 'sys_atf_test'
                        id: '732d97b5ae5a4155b42b57b1e653d8e0'
                    }
                    'atf-connector-invalid-400-1': {
                        table: 'sys_atf_step'
                        id: 'ea1af4e82fe240f283a0a8209e0b6a12'
                    }
                    'atf-connector-invalid-400-2': {
                        table: 'sys_atf_step'
                        id: '8bcf4feb174342228da9207836b809ea'
                    }
                    'atf-connector-invalid-arrange': {
                        table: 'sys_atf_step'
                        id: '90d9aa76da9347778ee5365460f42036'
                    }
                    'atf-connector-invalid-detail-1': {
                        table: 'sys_atf_step'
                        id: '3405355f06f94848b21043522e469f1d'
                    }
                    'atf-connector-invalid-due-date-2': {
                        table: 'sys_atf_step'
                        id: '2b48df925ddb444ab547c7543d505a7d'
                    }
                    'atf-connector-invalid-envelope-1': {
                        table: 'sys_atf_step'
                        id: 'ee283485dfb0431fbb46db8cb5202a94'
                    }
                    'atf-connector-invalid-message-1': {
                        table: 'sys_atf_step'
                        id: 'c4b70cd0ee24490fa3120e992fa097ff'
                    }
                    'atf-connector-invalid-no-name-error-2': {
                        table: 'sys_atf_step'
                        id: 'a7ed1065b35645ddaf1a0895b856ae7b'
                    }
                    'atf-connector-invalid-post-1': {
                        table: 'sys_atf_step'
                        id: '2f779a8fa10148938fd371669efa6fa2'
                    }
                    'atf-connector-invalid-post-2': {
                        table: 'sys_atf_step'
                        id: '6a3a002db1a748859fa47f2d758e5cb5'
                    }
                    'atf-connector-invalid-source-2': {
                        table: 'sys_atf_step'
                        id: '54af7d69facb4b17b26303e23edf0b6f'
                    }
                    'atf-connector-invalid-verify': {
                        table: 'sys_atf_step'
                        id: 'd955d32a4bbb4eb396dd9fdc55217540'
                    }
                    'atf-connector-replay': {
                        table: 'sys_atf_test'
                        id: 'ee6c307c46f54986a54295fd53607a29'
                    }
                    'atf-connector-replay-200': {
                        table: 'sys_atf_step'
                        id: '96b13019a50b47bebd1f4699de9efb0e'
                    }
                    'atf-connector-replay-201': {
                        table: 'sys_atf_step'
                        id: 'e493730218294c19897891b16c6e0f4d'
                    }
                    'atf-connector-replay-arrange': {
                        table: 'sys_atf_step'
                        id: '06087756c3a246dcba304f03d18f00dc'
                    }
                    'atf-connector-replay-first-record': {
                        table: 'sys_atf_step'
                        id: 'd33ef9a79b90420c919619d4a6b82184'
                    }
                    'atf-connector-replay-number': {
                        table: 'sys_atf_step'
                        id: 'df771bfff7654d6bb913aa593abf8cd2'
                    }
                    'atf-connector-replay-post-1': {
                        table: 'sys_atf_step'
                        id: '7e084aecdc8645e8b1b603078a7a0c67'
                    }
                    'atf-connector-replay-post-2': {
                        table: 'sys_atf_step'
                        id: '50f3611661b248ff80098a124c3dfeae'
                    }
                    'atf-connector-replay-same-sys-id': {
                        table: 'sys_atf_step'
                        id: 'be614ccd84c343d0ac3c0fa8aa049220'
                    }
                    'atf-connector-replay-task-id': {
                        table: 'sys_atf_step'
                        id: 'c40edbbd3cee407fb0f0638b3fa476da'
                    }
                    'atf-connector-replay-verify': {
                        table: 'sys_atf_step'
                        id: '973c7fea0b0843709c90c4f36ba18e0e'
                    }
                    'atf-platform-fields': {
                        table: 'sys_atf_test'
                        id: 'd925838af1144081a69409f54152cba8'
                    }
                    'atf-platform-fields-verify': {
                        table: 'sys_atf_step'
                        id: '34966553df4b4a939f0f9abf94418458'
                    }
                    'atf-setup-status': {
                        table: 'sys_atf_test'
                        id: '7d5a678d922f4800805d452546a4059a'
                    }
                    'atf-setup-status-admin-200': {
                        table: 'sys_atf_step'
                        id: '543ef56aa2fb471f8dd0c9101a067f1f'
                    }
                    'atf-setup-status-admin-complete': {
                        table: 'sys_atf_step'
                        id: '7e386c34877c43068d3d29086c1d69c8'
                    }
                    'atf-setup-status-admin-connect': {
                        table: 'sys_atf_step'
                        id: '9121faade8df4a409796e9f99ffe0f81'
                    }
                    'atf-setup-status-admin-integration-user': {
                        table: 'sys_atf_step'
                        id: 'c7a6c26224454c1b885d0dfdb1890a80'
                    }
                    'atf-setup-status-admin-json': {
                        table: 'sys_atf_step'
                        id: 'bf035f2a5bc441179717c7e192959b9e'
                    }
                    'atf-setup-status-admin-oauth': {
                        table: 'sys_atf_step'
                        id: '778216d31e7141acac84b3328349c703'
                    }
                    'atf-setup-status-admin-preflight': {
                        table: 'sys_atf_step'
                        id: '18424ba4b15d4642acc1071dadd9fabf'
                    }
                    'atf-setup-status-admin-settings': {
                        table: 'sys_atf_step'
                        id: '266c219cedb84f22bcb46a9d26511f61'
                    }
                    'atf-setup-status-admin-steps': {
                        table: 'sys_atf_step'
                        id: 'e176f318efcd4292bdabee49c7fe0869'
                    }
                    'atf-setup-status-arrange-admin': {
                        table: 'sys_atf_step'
                        id: '307011e3348348faae1de3174578ad00'
                    }
                    'atf-setup-status-arrange-integration': {
                        table: 'sys_atf_step'
                        id: 'caf6319176ec459d9f01c2eb1d149306'
                    }
                    'atf-setup-status-get-admin': {
                        table: 'sys_atf_step'
                        id: 'f042213bb8724f3184bb797c8500bd7d'
                    }
                    'atf-setup-status-get-integration': {
                        table: 'sys_atf_step'
                        id: '765dbe8d83d4454b858129c0ba139081'
                    }
                    'atf-setup-status-integration-403': {
                        table: 'sys_atf_step'
                        id: 'ba72de4ba9e844198e3f60873b46307d'
                    }
                    'atf-setup-status-integration-no-steps': {
                        table: 'sys_atf_step'
                        id: '9ccc122dfaa84b65813ebb418cc1c143'
                    }
                    'atf-suite': {
                        table: 'sys_atf_test_suite'
                        id: '62ca10af761b4a4abfde8ff771040877'
                    }
                    'atf-suite-connection-cache': {
                        table: 'sys_atf_test_suite_test'
                        id: '534a0e4aa4ec408ebf7b51e85e2f73a8'
                    }
                    'atf-suite-connector-conflict': {
                        table: 'sys_atf_test_suite_test'
                        id: 'd3981e71721b44bbaceeecf75b6a4072'
                    }
                    'atf-suite-connector-forbidden': {
                        table: 'sys_atf_test_suite_test'
                        id: '7bef57058b974b77826ca29a22b2eb7d'
                    }
                    'atf-suite-connector-invalid': {
                        table: 'sys_atf_test_suite_test'
                        id: '5ea191045d5c48a190a0b889e23f4f42'
                    }
                    'atf-suite-connector-replay': {
                        table: 'sys_atf_test_suite_test'
                        id: '0ac161824c2143de885f6d8dc22cd1f9'
                    }
                    'atf-suite-create': {
                        table: 'sys_atf_test_suite_test'
                        id: '136d35061093471bba97a2a30506b0b4'
                    }
                    'atf-suite-platform-fields': {
                        table: 'sys_atf_test_suite_test'
                        id: '9fc73d0dcaac43c0a2ce6080dd4b52aa'
                    }
                    'atf-suite-setup-status': {
                        table: 'sys_atf_test_suite_test'
                        id: '6d59a785753041b9840750114951731c'
                    }
                    'atf-suite-ticket-service': {
                        table: 'sys_atf_test_suite_test'
                        id: '91093d2c36a5427b85e16559f6c49520'
                    }
                    'atf-ticket-service': {
                        table: 'sys_atf_test'
                        id: '91839156e6c445d59e020c5dad4115d7'
                    }
                    'atf-ticket-service-arrange': {
                        table: 'sys_atf_step'
                        id: '6a165c9be9d14c10a547471b8095daec'
                    }
                    'atf-ticket-service-record': {
                        table: 'sys_atf_step'
                        id: '3f77c1c4461f484b8d7965d305c9683e'
                    }
                    'atf-ticket-service-verify': {
                        table: 'sys_atf_step'
                        id: 'adf042e9c7f7494d87c6bbde2594dec5'
                    }
                    bom_json: {
                        table: 'sys_module'
                        id: 'be96656d5dd442739f8abee9f1c13dcb'
                    }
                    'br-describe-custom-state-names-insert': {
                        table: 'sys_script'
                        id: '541c29ebec4c48c1a9c136b6e70d6568'
                    }
                    'br-describe-custom-state-names-update': {
                        table: 'sys_script'
                        id: '4a20d16f872d4ff8858c06be9945c10c'
                    }
                    'br-forget-cached-connection': {
                        table: 'sys_script'
                        id: '78d15b0ad21f4c559130d47878fde27e'
                    }
                    'br-protect-m365-fields-change': {
                        table: 'sys_script'
                        id: '7fa5c24301b44761b1cd4443f22ac6dc'
                    }
                    'br-protect-m365-fields-incident': {
                        table: 'sys_script'
                        id: '7fc47db9c21a4e4b9644219ff10adcbf'
                    }
                    'br-record-ticket-history-change': {
                        table: 'sys_script'
                        id: '33e8f5634b824e97a2c489aeae3144bc'
                    }
                    'br-record-ticket-history-incident': {
                        table: 'sys_script'
                        id: 'a8d6e4233ec943959ef7dd246c06c523'
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
                    'connector-get-ticket-activity': {
                        table: 'sys_ws_operation'
                        id: '6e72b6f3f34e426f9324cbc9d635a72d'
                    }
                    'connector-get-ticket-activity-cursor': {
                        table: 'sys_ws_query_parameter'
                        id: '9c0ed8cc25c940e9b7b04074a119bcd5'
                    }
                    'connector-get-ticket-activity-limit': {
                        table: 'sys_ws_query_parameter'
                        id: '6d005344eb914dee970e5abbae414495'
                    }
                    'connector-get-ticket-activity-since': {
                        table: 'sys_ws_query_parameter'
                        id: '75b26420bfaf401cb51e4f3aa56a2749'
                    }
                    'connector-get-ticket-activity-tenant': {
                        table: 'sys_ws_query_parameter'
                        id: '660f89210bb54779aacfeaa31ebed65a'
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
                    'connector-post-ticket-comment': {
                        table: 'sys_ws_operation'
                        id: '43a46a066516480f9d27d3084407a8ba'
                    }
                    'connector-put-connection': {
                        table: 'sys_ws_operation'
                        id: '1fec51a3d52f409fb7cc5176d1bfc909'
                    }
                    'connector-put-state-names': {
                        table: 'sys_ws_operation'
                        id: '8e7b55c185074f84bdebf9a62281166f'
                    }
                    'csp-atf-auth-profile-basic-create': {
                        table: 'sys_scope_privilege'
                        id: 'f020dbdefcd64b68a29507af470675e3'
                    }
                    'csp-atf-auth-profile-basic-read': {
                        table: 'sys_scope_privilege'
                        id: '3a9c2b5255eb45579aebfb8662df95ae'
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
                    'csp-sys-journal-field-read': {
                        table: 'sys_scope_privilege'
                        id: '0eb300bd39f4441f9a46a520a65f06c7'
                    }
                    'csp-sys-restricted-caller-access-read': {
                        table: 'sys_scope_privilege'
                        id: '3abb81ead99549b586f8a3109850edd2'
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
                        deleted: true
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
                    'pref-api-log-order': {
                        table: 'sys_user_preference'
                        id: '2ac47cd149874b50803d2efdf7b54424'
                    }
                    'pref-api-log-order-direction': {
                        table: 'sys_user_preference'
                        id: '1ace22a02ccd4f029443bb9618fda8f1'
                    }
                    'pref-change-request-order': {
                        table: 'sys_user_preference'
                        id: 'e10b3425624f4e80ae0f806f6a15c491'
                    }
                    'pref-change-request-order-direction': {
                        table: 'sys_user_preference'
                        id: 'e78a9c9ee5934793ad74e55a086b6403'
                    }
                    'pref-incident-order': {
                        table: 'sys_user_preference'
                        id: 'd2dcc103d9544a3883b4defb212fe413'
                    }
                    'pref-incident-order-direction': {
                        table: 'sys_user_preference'
                        id: '5e036c35223f4b2e82a9f6e44dc76c54'
                    }
                    'probe-c': {
                        table: 'sys_atf_test'
                        id: '08ac27ec53664b4582187c79d0101b0e'
                        deleted: true
                    }
                    'probe-c-s': {
                        table: 'sys_atf_step'
                        id: '51dc84cda8bb432ebedcde4accb19dc1'
                        deleted: true
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
                    'property-share-work-notes': {
                        table: 'sys_properties'
                        id: 'dcf08239020f48e99a27ed76af1a98d1'
                    }
                    'scoped-cache-pair-tenant-connections': {
                        table: 'sys_scoped_cache_table_pair'
                        id: '65ebf1c8f9bd42ddb909ea9f31262c7b'
                    }
                    'scoped-cache-tenant-connections': {
                        table: 'sys_scoped_cache'
                        id: 'ec1cf9e1573a499db3bbaa323dcc91cd'
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
                    'setup-delete-stray-token': {
                        table: 'sys_ws_operation'
                        id: '08db95ede6134982a3e4aa5e4b7d5703'
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
                    'src_server_business-rules_describe-state-names_ts': {
                        table: 'sys_module'
                        id: '26d1af924eb2448ca50f7a25f1b32add'
                    }
                    'src_server_business-rules_forget-cached-connection_ts': {
                        table: 'sys_module'
                        id: '11817701b51849a29458357bdcb5369b'
                    }
                    'src_server_business-rules_protect-m365-fields_ts': {
                        table: 'sys_module'
                        id: '5fba1818ecae45ecb8ac4532b646a58f'
                    }
                    'src_server_business-rules_record-ticket-history_ts': {
                        table: 'sys_module'
                        id: '74092a83cd804b9ba1dd2d58fb817fe4'
                    }
                    src_server_connector_activity_ts: {
                        table: 'sys_module'
                        id: '4a8835a0f4eb4beeb8a524040771ce50'
                    }
                    'src_server_connector_activity-tables_ts': {
                        table: 'sys_module'
                        id: '4be08853a09544c586df15bca6bddff0'
                    }
                    'src_server_connector_api-error_ts': {
                        table: 'sys_module'
                        id: 'c28cb0360ee847efbeb122bae56f4016'
                        deleted: true
                    }
                    'src_server_connector_api-log_ts': {
                        table: 'sys_module'
                        id: 'a32e4e0566fd4cb584243b028a9683c2'
                    }
                    src_server_connector_comments_ts: {
                        table: 'sys_module'
                        id: 'b8be4c5d90e64fcab7237fce3918e142'
                    }
                    'src_server_connector_connection-cache_ts': {
                        table: 'sys_module'
                        id: '719ecb6fe14641ed8767b8108fd28fab'
                    }
                    src_server_connector_connections_ts: {
                        table: 'sys_module'
                        id: '2d6df0df768a4813a7ab8e0791ebc96e'
                    }
                    src_server_connector_resolution_ts: {
                        table: 'sys_module'
                        id: '3eda0337fc794b1fa236812654fafd44'
                    }
                    src_server_connector_settings_ts: {
                        table: 'sys_module'
                        id: 'c42f9cc3eeb64199bb29ba55f0c1d5d7'
                        deleted: true
                    }
                    src_server_connector_states_ts: {
                        table: 'sys_module'
                        id: '6be050098eb34748ad8d18040d2ef592'
                    }
                    'src_server_connector_task-intake_ts': {
                        table: 'sys_module'
                        id: '2c5b9eaad7fe47d7903635f88186620b'
                    }
                    'src_server_connector_ticket-defaults_ts': {
                        table: 'sys_module'
                        id: '7dba36e98b0548a4a4a84455e99168c8'
                    }
                    'src_server_connector_ticket-requests_ts': {
                        table: 'sys_module'
                        id: 'e7705b448c834590b94b72cba7a78ed3'
                    }
                    src_server_connector_tickets_ts: {
                        table: 'sys_module'
                        id: '2861ba8b45e8408cb5456f6bc83127c2'
                    }
                    src_server_connector_validation_ts: {
                        table: 'sys_module'
                        id: '073d4f1ca92f4d4495ab4f4a198d9956'
                        deleted: true
                    }
                    'src_server_jobs_purge-api-log_ts': {
                        table: 'sys_module'
                        id: '58379c9e5fed4c13ba3bd4865f98d066'
                    }
                    'src_server_platform_api-error_ts': {
                        table: 'sys_module'
                        id: 'bbca201ed1f2420380705004cd7550c0'
                    }
                    src_server_platform_fields_ts: {
                        table: 'sys_module'
                        id: 'fbf63894140c41c4932287fa8abfd437'
                    }
                    src_server_platform_properties_ts: {
                        table: 'sys_module'
                        id: '7e0a680e94c24a8e8f0b74eeedc86ef4'
                    }
                    src_server_platform_roles_ts: {
                        table: 'sys_module'
                        id: '559d16ace5964808ae240696a98f0029'
                    }
                    src_server_platform_validation_ts: {
                        table: 'sys_module'
                        id: 'e20420a48af247e7ae1745333f65245e'
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
                    'src_server_setup_connect-step_ts': {
                        table: 'sys_module'
                        id: 'e07b3b53aa4048f69a2348819df2897d'
                    }
                    src_server_setup_connections_ts: {
                        table: 'sys_module'
                        id: '6b098aa36415483cbf8caf69378970e1'
                        deleted: true
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
                        deleted: true
                    }
                    'src_server_setup_stray-tokens_ts': {
                        table: 'sys_module'
                        id: '75d50072e2a340e7b08e9a1fc6425a39'
                    }
                    'src_server_setup_ticket-settings_ts': {
                        table: 'sys_module'
                        id: 'a6c421a56e0d46cf9cc897591d0b5b19'
                    }
                    'ui-action-open-secure-score-change': {
                        table: 'sys_ui_action'
                        id: 'cd76f0287cb24fb88085955cacce7181'
                    }
                    'ui-action-open-secure-score-incident': {
                        table: 'sys_ui_action'
                        id: '9473e37b6cad4b089ca70857f083ac3f'
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
                        table: 'sys_variable_value'
                        id: '0156c5812d4e4a978a54fca885181ddd'
                        key: {
                            document_key: '8bcf4feb174342228da9207836b809ea'
                            variable: '1d94cb1f3b8032000774229c93efc419'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '01a1bd5eda754bd1ae7b3717f977c4b0'
                        key: {
                            sys_security_acl: '4ab7997384314e90bc225d4c2b7e5bf4'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '01b2c491f2ba4319bbc5e7d91a1e8e81'
                        key: {
                            sys_ui_section: {
                                id: 'b1b990bf85874ed99ab29b0a7e9ec31a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.split'
                            position: '4'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '01b57b55aa52400da6b5d47184609d37'
                        key: {
                            document_key: '1f80cf0fd55d47fc80239bfabc4962b0'
                            variable: '50bff9250b3222000b7da95e93673a9b'
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
                        table: 'sys_ui_element'
                        id: '01e484e4eb8b40c0984c8fa1aacb372b'
                        key: {
                            sys_ui_section: {
                                id: '8e309c9edc6d45b78cacc0c8052280e6'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Activity'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'activity.xml'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '0208e4a9431b4590992d258f394773b2'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'm365_requested_by'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '027b78fc1c0541f8ac48df02477f377d'
                        key: {
                            document_key: 'ee1859362a774a51866964d8c1f8739d'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '0283255bbd2e49ea94dc5433f737ee4b'
                        key: {
                            sys_ui_section: {
                                id: '7f3da44ce59f4a749830119edf54f29f'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    caption: 'Connector API call'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.end_split'
                            position: '12'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '02b8de717e7244128d3730262fd0d016'
                        deleted: false
                        key: {
                            document_key: 'ea6cd334ded14c7288339c430afc735a'
                            variable: '58408e250b3222000b7da95e93673a5c'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '03862b68bbb043da8f4eacd7fe9a7c27'
                        key: {
                            list_id: {
                                id: 'e031a41634cc4ee086da052451bf65e4'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'm365_task_id'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '03bbe2726d774619abde811d7b0b7396'
                        key: {
                            document_key: 'a4e9124a14a54cea908b4b6eff4d9ad2'
                            variable: '50bff9250b3222000b7da95e93673a9b'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '046db5a0a57c458686a14f95588c751e'
                        key: {
                            logical_table_name: 'x_mioms_m365ticket_change_request'
                            col_name_string: 'connection,sys_updated_on,sys_id'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '051df2ff3d3d4f8ea45230a38e3cfbd7'
                        key: {
                            document_key: '6a3a002db1a748859fa47f2d758e5cb5'
                            variable: '81e042650b3222000b7da95e93673aa2'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '05742efcf6f4407b9efd77449864f58a'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'custom_state_names'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: '061dff7a155a46179b11aa74bff3f15e'
                        key: {
                            web_service_operation: '6e72b6f3f34e426f9324cbc9d635a72d'
                            web_service_query_parameter: '660f89210bb54779aacfeaa31ebed65a'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '07204560a983463bb734258b412b94a5'
                        key: {
                            list_id: {
                                id: 'e2132a2350224f7f8c9704c05787cae5'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'http_status'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '07cc792600f54aa7a0d50b59ffdd7f33'
                        key: {
                            document_key: '7abbe0b2274f4b75817f48f9bbe549c2'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '0858d88484384da2914a5a664c3c5c01'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'old_value'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: '085cfa9df30041d0a982ff45270aa3d8'
                        key: {
                            sys_ui_form: {
                                id: '8f78872a8bb74164a18d5efb289dd24e'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '4d0b2d4195f5487483cb2f3ba04ffbdd'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Tickets and calls'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '08aefc081d894bfa9c38743ce97c15ea'
                        key: {
                            list_id: {
                                id: 'b6f61dc938e04e36a96905c665d63222'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'recommendation_category'
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
                        table: 'sys_ui_form_section'
                        id: '08be2cc141a9475c857ff5963f1b5344'
                        key: {
                            sys_ui_form: {
                                id: 'e926190b92274139a4e589c2bb794a34'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '775dbfac0fb44a988c5b02c76fec1cc6'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Resolution Information'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
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
                        table: 'sys_variable_value'
                        id: '0a148cf02074456ba1a08b93e1d4729a'
                        key: {
                            document_key: '245832a372ff4988ba2d31fcb517ac21'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '0a725a51a3e042eda2bd2141b841a1f2'
                        key: {
                            list_id: {
                                id: '790704260f124b32a0879bdbfebfbfae'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'priority'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '0a7a6df5bbdf4749b3362d557f8de2fb'
                        key: {
                            field: 'field_values'
                            table: 'var__m_atf_input_variable_2d82e3c7531400109e02ddeeff7b12a7'
                            id: '3f77c1c4461f484b8d7965d305c9683e'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0ab29f8ca35a4103900bf5e23b7b3630'
                        key: {
                            document_key: 'd114064bba7242d8b4edc40f39fe112f'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0abf4fff4ba347c0a5e39fd062e5e39f'
                        key: {
                            document_key: '50f3611661b248ff80098a124c3dfeae'
                            variable: '89ad06b543010210b6f9a0246bb8f2d7'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0b3e4aaa1d744bd4b9a866203852ff01'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'new_value'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '0b5089fbf0d643aa83beb4049a0d044d'
                        key: {
                            sys_ui_section: {
                                id: '97ae0b858f564c66ba4ad90fb26e91b1'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Change Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'short_description'
                            position: '11'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0bc121ec8fea438abc422dceaf4907ba'
                        key: {
                            document_key: '5c1d362d281748b099d07803a5730188'
                            variable: '50bff9250b3222000b7da95e93673a9b'
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
                        table: 'sys_variable_value'
                        id: '0c624597df5b4877960370414cc8c2fb'
                        key: {
                            document_key: '7e084aecdc8645e8b1b603078a7a0c67'
                            variable: '58408e250b3222000b7da95e93673a5c'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0cde82d474834defb3fa0bc644a916da'
                        key: {
                            document_key: 'adf042e9c7f7494d87c6bbde2594dec5'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '0e6ccef0568444a193afc885860c0af9'
                        key: {
                            sys_ui_section: {
                                id: '7eafcd3b739a43d0b1f6fea8e50743c9'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Notes'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'comments'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '0e81a7d195a1493a82460898e4c3a717'
                        key: {
                            sys_ui_section: {
                                id: '97ae0b858f564c66ba4ad90fb26e91b1'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Change Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'assigned_to'
                            position: '7'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0ec3bfa1028c484bb34d41f227df102c'
                        key: {
                            document_key: 'aa3e1539ba04468ca5e5ddeb4660b9fb'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '0f71455e44b143f6ae81619d7026cbb9'
                        key: {
                            list_id: {
                                id: 'b6f61dc938e04e36a96905c665d63222'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'number'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '0f8ad58b2535407db30c6aa239052b80'
                        key: {
                            sys_ui_section: {
                                id: '7f3da44ce59f4a749830119edf54f29f'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    caption: 'Connector API call'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.begin_split'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0fa7b0d55424452b94fc8a10a09fbeca'
                        key: {
                            document_key: '54af7d69facb4b17b26303e23edf0b6f'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: '0fd37904197e4e0890a60de7397243fb'
                        key: {
                            sys_ui_form: {
                                id: 'e926190b92274139a4e589c2bb794a34'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '7eafcd3b739a43d0b1f6fea8e50743c9'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Notes'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '0fd650e058f4413faf0fbcf4442ccdd0'
                        key: {
                            sys_security_acl: '94c07a6bf00440f394b66c760cf83256'
                            sys_user_role: {
                                id: '320ffa09212f4a408d701e95c6eb6d0f'
                                key: {
                                    name: 'x_mioms_m365ticket.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '1006d1f108e340b69b9a7b95d25150e9'
                        key: {
                            sys_ui_section: {
                                id: '99b170d6ee254be686a593f50dd2fb51'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'recommendation_source'
                            position: '5'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '10e68a669d4845589c5618f009744931'
                        key: {
                            sys_ui_section: {
                                id: 'b1b990bf85874ed99ab29b0a7e9ec31a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'm365_task_id'
                            position: '2'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '116e329298c347c8bff67ef5ce87d856'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '11c63e85a6414de8a9b0a33ad0f8513a'
                        key: {
                            document_key: 'ad8f6ff7405f4b52a79edc390e4b0f1e'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '11c88a8985ee4cdaa12e99439fdafac5'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'NULL'
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
                        table: 'sys_variable_value'
                        id: '1238c76384f7450db240b0591e4aa615'
                        key: {
                            document_key: 'aa3e1539ba04468ca5e5ddeb4660b9fb'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '13ede8256ec0470b98bf6f6a54ef4dd1'
                        key: {
                            field: 'basic_auth'
                            table: 'var__m_atf_input_variable_e00571a10b3222000b7da95e93673a8f'
                            id: '7e084aecdc8645e8b1b603078a7a0c67'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '14229536aaf54526b1ba9146ff075b03'
                        key: {
                            document_key: '765dbe8d83d4454b858129c0ba139081'
                            variable: '58408e250b3222000b7da95e93673a5c'
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
                        table: 'sys_variable_value'
                        id: '15f10f5bf30b469d8d89695df8d3b523'
                        key: {
                            document_key: '1f80cf0fd55d47fc80239bfabc4962b0'
                            variable: '020a6af09fd32200ef4afa7dc67fcfec'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '167a90880a624e1aa75280ade4dbaf86'
                        key: {
                            document_key: '4be4adfb4ef44cc08644376e4aa46043'
                            variable: '915990ab531000109e02ddeeff7b12f8'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1694e912ebd54fb482638ce180af288b'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'old_display'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '170137b6097844bc906d6c9253dd1346'
                        key: {
                            document_key: '7e084aecdc8645e8b1b603078a7a0c67'
                            variable: '50bff9250b3222000b7da95e93673a9b'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '17ba677a4c03462eb29332e9cc654743'
                        key: {
                            document_key: 'a4e9124a14a54cea908b4b6eff4d9ad2'
                            variable: '6cdd0ab543010210b6f9a0246bb8f2f2'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '17d582fe382244daa838afec8c17e506'
                        key: {
                            list_id: {
                                id: 'e031a41634cc4ee086da052451bf65e4'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'number'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '18635c86b2b64112841c0638b3e28f40'
                        deleted: true
                        key: {
                            sys_security_acl: '4b61b3d6cf7543ee9dcac98110f6b13a'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
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
                        table: 'sys_ui_element'
                        id: '18f4d08277df4a409e634458e6d0fe65'
                        key: {
                            sys_ui_section: {
                                id: 'b1b990bf85874ed99ab29b0a7e9ec31a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.begin_split'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '198aa7660a604e80869b5988cd8e7d5c'
                        key: {
                            document_key: 'a4e9124a14a54cea908b4b6eff4d9ad2'
                            variable: '020a6af09fd32200ef4afa7dc67fcfec'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '199abaca417e459eb2a61e25d229b8e8'
                        key: {
                            document_key: 'be614ccd84c343d0ac3c0fa8aa049220'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
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
                        table: 'sys_ui_section'
                        id: '1aaeb930c09f42dc9d3fa9253442c65a'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            caption: 'Microsoft 365 Connection'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '1ac188911a484358ad23144f7a97f358'
                        key: {
                            sys_security_acl: '779671c103ff484f9303f4740bc9205f'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '1ad1f92ca0344a339efb53beae9f3297'
                        key: {
                            document_key: '15027bf0fee6462c85f79cec6da7cff4'
                            variable: 'f0eec4d59f132200ef4afa7dc67fcf6d'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '1b2d87501cbf427fbcefa7c6c2c5eb6b'
                        key: {
                            document_key: '2ed405447bb04fa886f2258b190d7f84'
                            variable: 'f0eec4d59f132200ef4afa7dc67fcf6d'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '1bd73bad9a3f41a98c6cf1cc3b17c03c'
                        key: {
                            document_key: '4be4adfb4ef44cc08644376e4aa46043'
                            variable: '78b8d86b531000109e02ddeeff7b12f3'
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
                        table: 'sys_ui_element'
                        id: '1c7ce5cd2a1d42ed8f85618fb3eda418'
                        key: {
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'description'
                            position: '14'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '1c8bf04fd3ab463bad49ffe2fb515f8c'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            caption: 'Activity'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '1d7242c6811f45149b08a180f1bb82cb'
                        key: {
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.begin_split'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '1da7fe9ebf1b4b0183422a06b47646e8'
                        key: {
                            document_key: 'caf6319176ec459d9f01c2eb1d149306'
                            variable: '42f2564b73031300440211d8faf6a777'
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
                        table: 'sys_variable_value'
                        id: '1e31281ea9f1419b933714286297cc9c'
                        key: {
                            document_key: '34966553df4b4a939f0f9abf94418458'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '1e8a1c473a2f499595d3208a79611b88'
                        key: {
                            sys_security_acl: 'a42981f4a14b453f8e19148c1f67e26e'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '1eebd48cbdce47bca5e9fdf19d783548'
                        key: {
                            document_key: '96b13019a50b47bebd1f4699de9efb0e'
                            variable: '1d94cb1f3b8032000774229c93efc419'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '1f250be79439448aac1a2e0730818c9d'
                        key: {
                            sys_security_acl: '77a172d2a93646db8d484c0cddd956fe'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '1f6662c536db480fb1c0026734a74c33'
                        key: {
                            sys_ui_section: {
                                id: '1aaeb930c09f42dc9d3fa9253442c65a'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Microsoft 365 Connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'custom_state_names'
                            position: '12'
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
                        table: 'sys_ui_element'
                        id: '20cf2e93178a4ae1b9da26c91522ef1a'
                        key: {
                            sys_ui_section: {
                                id: '4d0b2d4195f5487483cb2f3ba04ffbdd'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Tickets and calls'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '12M.x_mioms_m365ticket_connection.x_mioms_m365ticket_incident.connection'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_ux_lib_asset'
                        id: '21c85d091660464dbbdda4f22270a551'
                        deleted: false
                        key: {
                            name: 'x_mioms_m365ticket/main.js.map'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '21c98dfd69c64e9db2a687d4f524e230'
                        key: {
                            document_key: '7360904d3f244b80b8a43623cb5b16ec'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '2233b9fc71bd4f8698e6d7293c82d067'
                        key: {
                            document_key: 'ba9e6397ddd24d5db7d2a97060383976'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '22d97978381c4a678e47f0c14e2dfdf3'
                        key: {
                            field: 'basic_auth'
                            table: 'var__m_atf_input_variable_e00571a10b3222000b7da95e93673a8f'
                            id: '765dbe8d83d4454b858129c0ba139081'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '244f49e4b81741d5bedc8d1ce1ae5d12'
                        key: {
                            sys_ui_section: {
                                id: '97ae0b858f564c66ba4ad90fb26e91b1'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Change Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'opened_at'
                            position: '9'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '24f75eccfda342e7aaf9cb12872331fe'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            element: 'custom_state_names'
                            language: 'en'
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
                        table: 'sys_variable_value'
                        id: '25465eb78033480dbfce9074d53d307f'
                        deleted: false
                        key: {
                            document_key: 'c231f5c946f54adcbbee1d97518bc120'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2595fab8273d4dfa93c51e609a7f25e1'
                        deleted: true
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'requested_by'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '25eeaf987eda449989f57d9a30c6e25f'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'changed_by'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '25fbbd07725d42798eecebb7d069fa29'
                        key: {
                            sys_ui_section: {
                                id: '99b170d6ee254be686a593f50dd2fb51'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'm365_requested_by'
                            position: '3'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '26037e49d5324910840aedc1ce8b7f05'
                        key: {
                            field: 'basic_auth'
                            table: 'var__m_atf_input_variable_e00571a10b3222000b7da95e93673a8f'
                            id: 'd3352ef932034156925d740ac8143311'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '261a3844773e40c9a8f1b36610aed70c'
                        key: {
                            document_key: 'c0bf0c59e13c4336bdba0423141ad99f'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '2656bf22e73b400290323ba3d40d284f'
                        key: {
                            document_key: '1f80cf0fd55d47fc80239bfabc4962b0'
                            variable: 'cec002650b3222000b7da95e93673aae'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2693a65b8aa4481da571aca0ac5f822e'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'new_display'
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
                        table: 'sys_ui_list_element'
                        id: '27d22347a9a546c2812140516fd263fd'
                        key: {
                            list_id: {
                                id: '7150f0f36df74f5f928fd51e23d37eee'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'task_id'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '27f10d46b67942d6ae05eff700fc56a5'
                        key: {
                            document_key: '765dbe8d83d4454b858129c0ba139081'
                            variable: '89ad06b543010210b6f9a0246bb8f2d7'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '28b5fa711c6c4dec8b45c615a5bbbb29'
                        deleted: true
                        key: {
                            sys_security_acl: '0d9d476eb6c44f36b829341b13e0ae70'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '293c4afe794d466e822e46606c6881f1'
                        deleted: true
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'requested_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '294f590dbcb94eabbb3cb0f5b98bc597'
                        deleted: false
                        key: {
                            document_key: 'ea6cd334ded14c7288339c430afc735a'
                            variable: 'cec002650b3222000b7da95e93673aae'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '297f752bc7574a8caa589248d696862e'
                        key: {
                            sys_ui_section: {
                                id: '1aaeb930c09f42dc9d3fa9253442c65a'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Microsoft 365 Connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'tenant_id'
                            position: '2'
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
                        table: 'sys_ui_element'
                        id: '2a30079933094b3ca0f9bb966872fe25'
                        key: {
                            sys_ui_section: {
                                id: '7eafcd3b739a43d0b1f6fea8e50743c9'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Notes'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'work_notes'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '2a362d922cb748c99e0adc5efa7f8e69'
                        key: {
                            document_key: 'b32713e76d6f4a7f892cd36bb66235d2'
                            variable: '1d94cb1f3b8032000774229c93efc419'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '2afea256b6d54643bcde618fca9191b3'
                        key: {
                            document_key: 'ad8f6ff7405f4b52a79edc390e4b0f1e'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '2b150c9bf3664032a44d4773ef2e40eb'
                        key: {
                            list_id: {
                                id: 'e0155b5a473b4620ab2533b8a1270865'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'm365_requested_by'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '2b9f491a2d604604ad450415703eef35'
                        key: {
                            list_id: {
                                id: 'e031a41634cc4ee086da052451bf65e4'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'short_description'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '2bb202ac52b04a58a8a1e2a2dff15ad1'
                        key: {
                            document_key: 'd3352ef932034156925d740ac8143311'
                            variable: '50bff9250b3222000b7da95e93673a9b'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '2c021a4a6e144b6b8953bda4b53d3460'
                        key: {
                            document_key: '6a3a002db1a748859fa47f2d758e5cb5'
                            variable: '020a6af09fd32200ef4afa7dc67fcfec'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '2c3be790269544a19bbb938e5a106b9e'
                        key: {
                            document_key: '2f779a8fa10148938fd371669efa6fa2'
                            variable: '50bff9250b3222000b7da95e93673a9b'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '2c4c32781991428ca4b051af8650131a'
                        key: {
                            list_id: {
                                id: '2ebade9c804d4f7fa66348dd3e746da0'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'integration_user'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '2c78cb744fa94755acd46e1531ada9bd'
                        key: {
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'assignment_group'
                            position: '7'
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
                        table: 'sys_variable_value'
                        id: '2d6a76070ecd41f9883614eec26e080d'
                        key: {
                            document_key: '6a3a002db1a748859fa47f2d758e5cb5'
                            variable: '50bff9250b3222000b7da95e93673a9b'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '2dbfd448b2d2448189164ca248bc736d'
                        key: {
                            list_id: {
                                id: 'b6f61dc938e04e36a96905c665d63222'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'connection'
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
                        table: 'sys_variable_value'
                        id: '2e32cc8a05f94590b1f1903ee085477d'
                        key: {
                            document_key: 'd8d6b9c3241442b1803a5c03fa5baf6c'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '2e785f9370d6422d934b3a9f17c8b9cc'
                        key: {
                            list_id: {
                                id: '2ebade9c804d4f7fa66348dd3e746da0'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'connected_by'
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: '2ebade9c804d4f7fa66348dd3e746da0'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '2f33e442241d4b808be349e19fa1988a'
                        key: {
                            document_key: '06087756c3a246dcba304f03d18f00dc'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '2f399809712a458395934168cd69faa3'
                        key: {
                            field: 'basic_auth'
                            table: 'var__m_atf_input_variable_e00571a10b3222000b7da95e93673a8f'
                            id: '50f3611661b248ff80098a124c3dfeae'
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
                        table: 'sys_ui_list_element'
                        id: '2fcc1c22738c485c921210cea56ce863'
                        key: {
                            list_id: {
                                id: '790704260f124b32a0879bdbfebfbfae'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'recommendation_category'
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
                        id: '307e74d561b343d48c67f751bdcd4704'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'ticket_table'
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
                        table: 'sys_variable_value'
                        id: '30e65a744c084a788eb054b68fac9cc0'
                        key: {
                            document_key: 'b32713e76d6f4a7f892cd36bb66235d2'
                            variable: '9f5f67709f132200ef4afa7dc67fcf94'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '311bf9e981ce48079b16561bbc114ff4'
                        key: {
                            document_key: '2f779a8fa10148938fd371669efa6fa2'
                            variable: '58408e250b3222000b7da95e93673a5c'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '31276bb007d4463b8489556595a9c2dc'
                        key: {
                            document_key: '765dbe8d83d4454b858129c0ba139081'
                            variable: 'cec002650b3222000b7da95e93673aae'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '31319d0c31854c079b7dac7742ff05d4'
                        key: {
                            list_id: {
                                id: 'e0155b5a473b4620ab2533b8a1270865'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'short_description'
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
                        table: 'sys_ui_list_element'
                        id: '3277479b98e5404a9c2bd09f85bcaecb'
                        key: {
                            list_id: {
                                id: 'b6f61dc938e04e36a96905c665d63222'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'due_date'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '33056e6aa88944a4a1dc626e7993e3a4'
                        key: {
                            list_id: {
                                id: 'e0155b5a473b4620ab2533b8a1270865'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'assignment_group'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '333ccda8af4747ac9b3b393af01b9777'
                        key: {
                            document_key: '307011e3348348faae1de3174578ad00'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '337881c55e184083b96f08b705562d46'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3400ef6e1abe4321aedfa02205762901'
                        key: {
                            document_key: '266c219cedb84f22bcb46a9d26511f61'
                            variable: 'f0eec4d59f132200ef4afa7dc67fcf6d'
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
                        table: 'sys_ui_element'
                        id: '34ac1b536f244833ab5f1e1e263d81aa'
                        key: {
                            sys_ui_section: {
                                id: '1aaeb930c09f42dc9d3fa9253442c65a'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Microsoft 365 Connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'oauth_client'
                            position: '7'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '34d4b027e0fd41d9971077c92cc1ffc3'
                        deleted: true
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'requested_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '351cd724ebcd4be49ab3990be61d1c51'
                        key: {
                            list_id: {
                                id: '7150f0f36df74f5f928fd51e23d37eee'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'duration_ms'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '3526e009796e4878bde3112dbd22bb9b'
                        key: {
                            sys_ui_section: {
                                id: 'b1b990bf85874ed99ab29b0a7e9ec31a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'm365_requested_by'
                            position: '3'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3619319e3f4844a79f9c5ae7180aa424'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '36252551cda045839f4effc23f2ac911'
                        key: {
                            sys_security_acl: 'c6fad4466b3440009e29e9a821bb75d6'
                            sys_user_role: {
                                id: '320ffa09212f4a408d701e95c6eb6d0f'
                                key: {
                                    name: 'x_mioms_m365ticket.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3650557b47c944c992fc096b6dc9f894'
                        key: {
                            document_key: 'f042213bb8724f3184bb797c8500bd7d'
                            variable: '58408e250b3222000b7da95e93673a5c'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '37361656c899480fb7b9093ecbbca1b6'
                        key: {
                            field: 'basic_auth'
                            table: 'var__m_atf_input_variable_e00571a10b3222000b7da95e93673a8f'
                            id: '6a3a002db1a748859fa47f2d758e5cb5'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '376049bfabef4409b390fd1991b42abc'
                        key: {
                            document_key: '1c9ec1dea02b44caa90e31a37513a715'
                            variable: '9f5f67709f132200ef4afa7dc67fcf94'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '376cbff3dcdc40179213ba570952264d'
                        key: {
                            logical_table_name: 'x_mioms_m365ticket_ticket_history'
                            col_name_string: 'ticket,changed_at'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '37b15537a268418fb9ceb1efc88c035c'
                        key: {
                            sys_security_acl: '5cea88d184264a20bc01e6f296e31327'
                            sys_user_role: {
                                id: '7bdab9298dee4080abb472c793b2f8d8'
                                key: {
                                    name: 'x_mioms_m365ticket.user'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '37d06d6c168b46dd9ed6d0a2c8548ac2'
                        key: {
                            document_key: '3405355f06f94848b21043522e469f1d'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
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
                        table: 'sys_ui_element'
                        id: '39029cbb6a314ffe871f12a1d494b2ec'
                        key: {
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'short_description'
                            position: '13'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '39b3806cb7a64337a038a90e49b6818f'
                        key: {
                            document_key: '4c4013d98ac347b2aa601a02de653f8e'
                            variable: 'cec002650b3222000b7da95e93673aae'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '39ea8c59d3e048f7804be55423d56787'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            element: 'm365_requested_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '3a0479e3b7364f7a8ecb4ad08c710403'
                        key: {
                            sys_ui_section: {
                                id: '7f3da44ce59f4a749830119edf54f29f'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    caption: 'Connector API call'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'ticket_number'
                            position: '11'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3a871265cdca486e9a111fe2c4410f29'
                        key: {
                            document_key: '2f779a8fa10148938fd371669efa6fa2'
                            variable: 'cec002650b3222000b7da95e93673aae'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '3b174088d406462dabbdfdb4460a1870'
                        deleted: false
                        key: {
                            field: 'basic_auth'
                            table: 'var__m_atf_input_variable_e00571a10b3222000b7da95e93673a8f'
                            id: 'ea6cd334ded14c7288339c430afc735a'
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
                        table: 'sys_variable_value'
                        id: '3b77ef7bbfd4439bb299890b149828c7'
                        key: {
                            document_key: '1f80cf0fd55d47fc80239bfabc4962b0'
                            variable: '81e042650b3222000b7da95e93673aa2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3be222cdc6b745b9bef45f6ca39a6144'
                        key: {
                            document_key: 'd3352ef932034156925d740ac8143311'
                            variable: '020a6af09fd32200ef4afa7dc67fcfec'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3be4eb4b7074436dae68e7bdf3d00b71'
                        key: {
                            document_key: '2ed405447bb04fa886f2258b190d7f84'
                            variable: 'ccae44d59f132200ef4afa7dc67fcf1e'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '3c29c5a64729475fb1fc4e36e96e7a57'
                        key: {
                            list_id: {
                                id: 'e2132a2350224f7f8c9704c05787cae5'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'sys_created_on'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '3c30a855c6964a50a1dd5eb7db35ce88'
                        key: {
                            sys_ui_section: {
                                id: '3f6b935c4e0c4d4d8a3824400ba8be38'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Resolution Information'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'close_code'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '3c7b21e88dd14b5f8fe89ed565fb2adc'
                        key: {
                            sys_ui_section: {
                                id: '7f3da44ce59f4a749830119edf54f29f'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    caption: 'Connector API call'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'http_status'
                            position: '4'
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
                        table: 'sys_security_acl_role'
                        id: '3d191e74a0194c26b607e2fc9afcae67'
                        key: {
                            sys_security_acl: '464af507679c4d62b3e6f45ea63fd655'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3e4292b77e974319a6bef7dff1b4973a'
                        key: {
                            document_key: '1f80cf0fd55d47fc80239bfabc4962b0'
                            variable: '6cdd0ab543010210b6f9a0246bb8f2f2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3eacce965acd4520841f4eeb562beab5'
                        key: {
                            document_key: '7abbe0b2274f4b75817f48f9bbe549c2'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '3ec045cfdae84d9187222d516b94ca7c'
                        key: {
                            sys_security_acl: 'b34013837e284a1aac2199efacc21def'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3f0a3742b31a4dd5bb1f2d8a3f946b36'
                        key: {
                            document_key: 'c4b70cd0ee24490fa3120e992fa097ff'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '3f6b935c4e0c4d4d8a3824400ba8be38'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            caption: 'Resolution Information'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '4083f5a16098464fa9de2c265ba592bd'
                        key: {
                            document_key: 'a7ed1065b35645ddaf1a0895b856ae7b'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '41181c7d8acd41388432aa6b70f8c8f0'
                        key: {
                            sys_ui_section: {
                                id: '1aaeb930c09f42dc9d3fa9253442c65a'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Microsoft 365 Connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'tenant_name'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '41491f20d66f452fab03e67bd07af758'
                        key: {
                            list_id: {
                                id: 'e2132a2350224f7f8c9704c05787cae5'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'caller'
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
                        table: 'sys_variable_value'
                        id: '41ad9b38fd5640bdbdeab452de830cd3'
                        key: {
                            document_key: 'ea839b4218894797b4cb9b77815c450a'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '42045665a85e4e74a7db88de295d99fd'
                        key: {
                            list_id: {
                                id: 'e2132a2350224f7f8c9704c05787cae5'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'task_id'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '43a0a98b03b54243acbd166bb7ca7574'
                        key: {
                            document_key: '3f77c1c4461f484b8d7965d305c9683e'
                            variable: '78b8d86b531000109e02ddeeff7b12f3'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '440e3f73582044578ed6fc2515cfc539'
                        key: {
                            sys_ui_section: {
                                id: '1aaeb930c09f42dc9d3fa9253442c65a'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Microsoft 365 Connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.end_split'
                            position: '10'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '44740ad4b7064391b72fe05f0cc75e92'
                        key: {
                            sys_ui_section: {
                                id: '4d0b2d4195f5487483cb2f3ba04ffbdd'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Tickets and calls'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '12M.x_mioms_m365ticket_connection.x_mioms_m365ticket_change_request.connection'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '44e2f0ace7e0400da1f0c309403294bd'
                        key: {
                            field: 'basic_auth'
                            table: 'var__m_atf_input_variable_e00571a10b3222000b7da95e93673a8f'
                            id: '1f80cf0fd55d47fc80239bfabc4962b0'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '458c92f2704e4b6bba5845d051e09afe'
                        key: {
                            document_key: '2f779a8fa10148938fd371669efa6fa2'
                            variable: '59877da10b3222000b7da95e93673a56'
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
                        table: 'sys_security_acl_role'
                        id: '46ab7223d407487dbf9a2e52bbe81b15'
                        key: {
                            sys_security_acl: '7299c7f6cc4a4ffa8456c708761a1563'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '46b548dc484446f28fe4a2f2c73509f8'
                        key: {
                            document_key: 'ae43b964ebd04d35944e842ccf629843'
                            variable: '1d94cb1f3b8032000774229c93efc419'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '47235ebd77d64a42b4cbae560e29548b'
                        key: {
                            document_key: 'ba72de4ba9e844198e3f60873b46307d'
                            variable: '9f5f67709f132200ef4afa7dc67fcf94'
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
                        table: 'sys_documentation'
                        id: '47fc7c8b090e42a29432e893ccaefb50'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                            element: 'journal_entry'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '4898e523599a46519a34354cd063a137'
                        key: {
                            sys_ui_section: {
                                id: '97ae0b858f564c66ba4ad90fb26e91b1'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Change Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.end_split'
                            position: '10'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '48b0310474094ee79a7b6dcff3e66883'
                        key: {
                            sys_ui_section: {
                                id: '7f3da44ce59f4a749830119edf54f29f'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    caption: 'Connector API call'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'error_message'
                            position: '13'
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
                        table: 'sys_ui_list_element'
                        id: '4aa6208e9c1a4db58d42159e874b5d74'
                        key: {
                            list_id: {
                                id: 'e0155b5a473b4620ab2533b8a1270865'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'm365_task_id'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '4acad27e5b104a638b313ef8258374b7'
                        deleted: true
                        key: {
                            sys_security_acl: '09f435c044284ffb846d9c36b2de5570'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '4ae7e96056de4ccfa0835f183db5e972'
                        key: {
                            document_key: '7e084aecdc8645e8b1b603078a7a0c67'
                            variable: '89ad06b543010210b6f9a0246bb8f2d7'
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
                        table: 'sys_ui_section'
                        id: '4d0b2d4195f5487483cb2f3ba04ffbdd'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            caption: 'Tickets and calls'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '4e650a9eb9794c7a9ea32807b4ae96a5'
                        key: {
                            document_key: 'f78e6794c62c44bbbfb28273c7f5ac2e'
                            variable: '989d9e235324220002c6435723dc3484'
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
                        table: 'sys_variable_value'
                        id: '4fc1cd696be24b01866e656ffff0b835'
                        key: {
                            document_key: 'd3352ef932034156925d740ac8143311'
                            variable: 'cec002650b3222000b7da95e93673aae'
                        }
                    },
                    {
                        table: 'sys_ux_lib_asset'
                        id: '507c83c84e944c9b9affcd7f6adb2a59'
                        deleted: false
                        key: {
                            name: 'x_mioms_m365ticket/vendor-react-dom--535a40c9'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '50a0df479d5447389437c601b13142d0'
                        key: {
                            document_key: '54af7d69facb4b17b26303e23edf0b6f'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '516ceb276fc9460188c9bf28b13798fe'
                        key: {
                            document_key: 'c7a6c26224454c1b885d0dfdb1890a80'
                            variable: 'ccae44d59f132200ef4afa7dc67fcf1e'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '518dc4f0f8974f9e871dcecf45350a04'
                        key: {
                            document_key: '21b1249946a84536ad6e3d046e272213'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '518eab772c6d46c68f805de76f57ff45'
                        key: {
                            sys_security_acl: '90761aa748894322b62fe03a6fdf06b3'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '528ff0650cc1423d8b4382066f4f7217'
                        key: {
                            document_key: '543ef56aa2fb471f8dd0c9101a067f1f'
                            variable: '1d94cb1f3b8032000774229c93efc419'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5306c0a556cc4f66af9dfbcdb56acc87'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                            element: 'comment_id'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '532a371ebcf6482e8880c82d7d2d22d8'
                        key: {
                            document_key: 'e176f318efcd4292bdabee49c7fe0869'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '534e60b68b0e4205a846e4bc8daebbdc'
                        key: {
                            list_id: {
                                id: 'b6f61dc938e04e36a96905c665d63222'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'short_description'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '536b874868a440a88f74dc228cd05740'
                        key: {
                            list_id: {
                                id: '790704260f124b32a0879bdbfebfbfae'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'due_date'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '5431e92ec29843fc90a92bb037a91660'
                        key: {
                            document_key: 'd8d6b9c3241442b1803a5c03fa5baf6c'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '54b9df72cf3042e79b5c23ef6fcb8902'
                        key: {
                            sys_security_acl: '66a0c7c3a36c40a8a3434443a0ccee98'
                            sys_user_role: {
                                id: '7bdab9298dee4080abb472c793b2f8d8'
                                key: {
                                    name: 'x_mioms_m365ticket.user'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '553088f213594e6bae24e49320b99b39'
                        key: {
                            document_key: '0c608d82fe4f4cc38bcffabc5cc6dcd1'
                            variable: '9f5f67709f132200ef4afa7dc67fcf94'
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
                        table: 'sys_variable_value'
                        id: '5678f6d65e6e4b39b48693a7c58af4ca'
                        key: {
                            document_key: '5698700c5a65487eafea74763b504ff9'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '56a8607668274228b7296541eb99b866'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                            element: 'author'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '575d0b9ca201444390f6ac8c74f496e0'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: '5794eae89afa481d81bbfd3ce73168c5'
                        key: {
                            sys_ui_form: {
                                id: 'e926190b92274139a4e589c2bb794a34'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '8e309c9edc6d45b78cacc0c8052280e6'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Activity'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '57cad6ccfa8640819e426d9e8a8f1330'
                        key: {
                            sys_ui_section: {
                                id: 'b1b990bf85874ed99ab29b0a7e9ec31a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'recommendation_source'
                            position: '5'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '57eea96fea3c4a14b5b7e94e1311ce1d'
                        key: {
                            sys_ui_section: {
                                id: '97ae0b858f564c66ba4ad90fb26e91b1'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Change Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'description'
                            position: '12'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '582cbca0bb604d39a86ad4b1a50f0ddc'
                        key: {
                            list_id: {
                                id: '790704260f124b32a0879bdbfebfbfae'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'm365_task_id'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '5836a22c9e594c7d8983a3b1c8dea1ae'
                        key: {
                            sys_ui_section: {
                                id: '99b170d6ee254be686a593f50dd2fb51'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'recommendation_category'
                            position: '6'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '58a1643167034189a53f16ee1241619f'
                        key: {
                            list_id: {
                                id: '7150f0f36df74f5f928fd51e23d37eee'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'ticket_number'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '5934fa1437fd40a3a41e8849ee3c0f6e'
                        key: {
                            document_key: '765dbe8d83d4454b858129c0ba139081'
                            variable: '59877da10b3222000b7da95e93673a56'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '595400eb32e04dc69f1597b83a560565'
                        key: {
                            document_key: '50f3611661b248ff80098a124c3dfeae'
                            variable: '020a6af09fd32200ef4afa7dc67fcfec'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '59ea712fd24f44f8840fe34ba04b47c6'
                        key: {
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'impact'
                            position: '3'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '5a180781a2014c418f57695426c18025'
                        key: {
                            document_key: '7abbe0b2274f4b75817f48f9bbe549c2'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '5a90645408754919ad4939f9c1240313'
                        key: {
                            list_id: {
                                id: '790704260f124b32a0879bdbfebfbfae'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'recommendation_source'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '5aec6da745e84dfb9e3bbde278e74d25'
                        key: {
                            document_key: '543ef56aa2fb471f8dd0c9101a067f1f'
                            variable: '9f5f67709f132200ef4afa7dc67fcf94'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '5b21f65c9cdf45bda4dee3b542e09b32'
                        key: {
                            document_key: '1edbb19b62354766a17711f7bcc9c1b3'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '5b328fb09fd54256b0bd6142ef3e237b'
                        key: {
                            sys_ui_section: {
                                id: 'b1b990bf85874ed99ab29b0a7e9ec31a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.end_split'
                            position: '8'
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
                        table: 'sys_variable_value'
                        id: '5ba96958724449a8982384fcb20ac4a4'
                        key: {
                            document_key: '778216d31e7141acac84b3328349c703'
                            variable: 'f0eec4d59f132200ef4afa7dc67fcf6d'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '5bc762f58347425197b4d52aab300951'
                        key: {
                            sys_ui_section: {
                                id: '3f6b935c4e0c4d4d8a3824400ba8be38'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Resolution Information'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'close_notes'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '5bd586567f2a4ee8b8c8847ba67ef606'
                        key: {
                            document_key: 'd1691cdbf99f478baa8b2efc478e443b'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '5bfdc2ff3f2440a49a6a0f75044a073c'
                        key: {
                            document_key: 'f042213bb8724f3184bb797c8500bd7d'
                            variable: '89ad06b543010210b6f9a0246bb8f2d7'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '5c450a13a37442fda0041c4885704edf'
                        key: {
                            sys_security_acl: '0bbeeb6e79cb43f5a01a6eb1d5962d7c'
                            sys_user_role: {
                                id: '320ffa09212f4a408d701e95c6eb6d0f'
                                key: {
                                    name: 'x_mioms_m365ticket.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '5ce126d8c3bb4386ac2883fe69b23957'
                        key: {
                            sys_security_acl: 'adeabd916ff84b69b1083db8da96143d'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '5d101e1f1d0c4d65b08f39cdcee5a13a'
                        key: {
                            document_key: '998c4c0ec93545059edf19bdc0d5dcca'
                            variable: '9f5f67709f132200ef4afa7dc67fcf94'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '5d27e031ab914486b873905669c01bb5'
                        key: {
                            list_id: {
                                id: '7150f0f36df74f5f928fd51e23d37eee'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'route'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '5db2c63e192b435a92feeffd34aeadd6'
                        key: {
                            document_key: '2f779a8fa10148938fd371669efa6fa2'
                            variable: '81e042650b3222000b7da95e93673aa2'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '5dcf4dba35f5485fa7f673706f5f36e3'
                        key: {
                            list_id: {
                                id: 'e031a41634cc4ee086da052451bf65e4'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'assignment_group'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '5e496ddc6ae84a9290768b3a21ddf4d6'
                        key: {
                            sys_security_acl: 'a13c100db61546c78cdbb4f6985190d3'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
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
                        table: 'sys_variable_value'
                        id: '61508299c769462a9899c8012269dc74'
                        key: {
                            document_key: 'd3352ef932034156925d740ac8143311'
                            variable: '6cdd0ab543010210b6f9a0246bb8f2f2'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '61559b8b099147bf862557bdde7814b9'
                        key: {
                            sys_ui_section: {
                                id: '7f3da44ce59f4a749830119edf54f29f'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    caption: 'Connector API call'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.split'
                            position: '6'
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
                        table: 'sys_variable_value'
                        id: '627f69e925d044b18476cb16f2f6ae16'
                        key: {
                            document_key: '5c1d362d281748b099d07803a5730188'
                            variable: 'cec002650b3222000b7da95e93673aae'
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
                        table: 'sys_ui_element'
                        id: '62e6026bf16e4f4386e4ce8d65bceb0b'
                        key: {
                            sys_ui_section: {
                                id: '99b170d6ee254be686a593f50dd2fb51'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.end_split'
                            position: '8'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '631f4aa42d6e41c2a7e47b5a0e38d37a'
                        key: {
                            list_id: {
                                id: '2ebade9c804d4f7fa66348dd3e746da0'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'connected_at'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '63205666775b44f894c5c0f0bca2841a'
                        key: {
                            sys_security_acl: 'aa0faea6d6e244d9be7e6258a07d8db9'
                            sys_user_role: {
                                id: '2cba86d7a7ce46fa8491e922c23797ca'
                                key: {
                                    name: 'itil'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '642c5b17bea1452f96341213e4f9024d'
                        key: {
                            document_key: '50f3611661b248ff80098a124c3dfeae'
                            variable: '81e042650b3222000b7da95e93673aa2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '6439f469ef274f29a2648390b0f87174'
                        key: {
                            document_key: '7e084aecdc8645e8b1b603078a7a0c67'
                            variable: '59877da10b3222000b7da95e93673a56'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '649940ac3e8b4ba5b18976af481cf9a7'
                        key: {
                            document_key: '5c1d362d281748b099d07803a5730188'
                            variable: '6cdd0ab543010210b6f9a0246bb8f2f2'
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
                        table: 'sys_ui_list_element'
                        id: '65a392d57a854a12bd1216bfe79fa7da'
                        key: {
                            list_id: {
                                id: 'e031a41634cc4ee086da052451bf65e4'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'm365_requested_by'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '65adebf340004226a6f5d16513a7acbf'
                        key: {
                            sys_ui_section: {
                                id: '7f3da44ce59f4a749830119edf54f29f'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    caption: 'Connector API call'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'route'
                            position: '2'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '65b272dcf24142449e754ab4fa98283e'
                        key: {
                            list_id: {
                                id: 'b6f61dc938e04e36a96905c665d63222'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'assignment_group'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '65bf9d020cb745a2a03729bbff6d09a5'
                        key: {
                            document_key: '9121faade8df4a409796e9f99ffe0f81'
                            variable: 'f0eec4d59f132200ef4afa7dc67fcf6d'
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
                        table: 'sys_variable_value'
                        id: '66532b205af54a019d5dc479fe66a4ed'
                        key: {
                            document_key: 'df771bfff7654d6bb913aa593abf8cd2'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '66c9ab8e4b0044f399420bae974e40df'
                        key: {
                            sys_security_acl: 'a89fc2d45dd446769b16522720f3545e'
                            sys_user_role: {
                                id: '7bdab9298dee4080abb472c793b2f8d8'
                                key: {
                                    name: 'x_mioms_m365ticket.user'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '66fea1c8d50b4b5c970ef1c03a215487'
                        key: {
                            sys_ui_section: {
                                id: '99b170d6ee254be686a593f50dd2fb51'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.split'
                            position: '4'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '670f87a7172946fba4aa9b12ff25b7ca'
                        key: {
                            document_key: '3f77c1c4461f484b8d7965d305c9683e'
                            variable: '02fb0027531000109e02ddeeff7b120b'
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
                        table: 'sys_security_acl_role'
                        id: '67a3a9af36114993a7ef4e0b3a115a9d'
                        key: {
                            sys_security_acl: 'fb392271437040fdb86266208d66d1ec'
                            sys_user_role: {
                                id: '7bdab9298dee4080abb472c793b2f8d8'
                                key: {
                                    name: 'x_mioms_m365ticket.user'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '68032947777e49ddae4b309747b74ce8'
                        key: {
                            document_key: '1edbb19b62354766a17711f7bcc9c1b3'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '68505e3476a04f1e8a44ad9719000d2b'
                        key: {
                            document_key: '6a3a002db1a748859fa47f2d758e5cb5'
                            variable: '58408e250b3222000b7da95e93673a5c'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '6877f56ff9fd47f0aa58ee8472e755a9'
                        key: {
                            document_key: 'adf042e9c7f7494d87c6bbde2594dec5'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '687c1818968e43a0ad5999e4cf8c9340'
                        key: {
                            document_key: '3405355f06f94848b21043522e469f1d'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '690546038306447682bc02fedd831b1a'
                        key: {
                            sys_ui_section: {
                                id: '1aaeb930c09f42dc9d3fa9253442c65a'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Microsoft 365 Connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.begin_split'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '690617e6c1e84215b01286631ad412a1'
                        key: {
                            list_id: {
                                id: 'e031a41634cc4ee086da052451bf65e4'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'recommendation_source'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '69483813a8f04dc7bfca92dd78317ae2'
                        deleted: true
                        key: {
                            document_key: '333381b20d984407b02b8c6f0dbafa33'
                            variable: '9f5f67709f132200ef4afa7dc67fcf94'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '695ed8b2cdcb4bf79d5fbc47a36e6ca2'
                        key: {
                            document_key: 'e176f318efcd4292bdabee49c7fe0869'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '69a116a3ee3a474392f8afe530814b61'
                        key: {
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'state'
                            position: '2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '6a3bbb201a644176b88aab34f59b9a6e'
                        key: {
                            document_key: '2f779a8fa10148938fd371669efa6fa2'
                            variable: '020a6af09fd32200ef4afa7dc67fcfec'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '6a4785dfc00c43878b86eb1f3461466c'
                        key: {
                            sys_security_acl: '2a2c5625e0b94ca784bf32c9afcc9569'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '6a861561dd98445ca56ea87c43d9ca49'
                        key: {
                            document_key: 'a7ed1065b35645ddaf1a0895b856ae7b'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
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
                        table: 'sys_ui_list_element'
                        id: '6cd818b5c5b340dc9d92fbe3200c7953'
                        key: {
                            list_id: {
                                id: 'b6f61dc938e04e36a96905c665d63222'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'priority'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '6d1c6aa4f1cf41158a4e63028b8be1c6'
                        key: {
                            document_key: '4c4013d98ac347b2aa601a02de653f8e'
                            variable: '59877da10b3222000b7da95e93673a56'
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
                        table: 'sys_ui_list_element'
                        id: '6eb18c9c2686424b8e6fbbbf28b4aaa3'
                        key: {
                            list_id: {
                                id: 'b6f61dc938e04e36a96905c665d63222'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'm365_task_id'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '6ef3db2bf9f646a7a391338f6c44085c'
                        key: {
                            list_id: {
                                id: '790704260f124b32a0879bdbfebfbfae'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'number'
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
                        table: 'sys_variable_value'
                        id: '6f720ac7a1394ad3bc2e13034872eda1'
                        key: {
                            document_key: '1c9ec1dea02b44caa90e31a37513a715'
                            variable: '1d94cb1f3b8032000774229c93efc419'
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
                        table: 'sys_dictionary'
                        id: '707ea82c48de41849a2d6caf797da4e7'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'new_value'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '70816c8da1dc4cb1b06d00046d276ad1'
                        key: {
                            document_key: '2f779a8fa10148938fd371669efa6fa2'
                            variable: '6cdd0ab543010210b6f9a0246bb8f2f2'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '70bb7dd0a286468587eff55c4f138a3f'
                        key: {
                            sys_ui_section: {
                                id: '99b170d6ee254be686a593f50dd2fb51'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.begin_split'
                            position: '0'
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
                        table: 'sys_ui_list'
                        id: '7150f0f36df74f5f928fd51e23d37eee'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '72c1af0caa334271a340df4ea5ca3946'
                        key: {
                            document_key: 'ad8f6ff7405f4b52a79edc390e4b0f1e'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '730c086b225d4184b0621f83e1399b98'
                        key: {
                            list_id: {
                                id: 'e0155b5a473b4620ab2533b8a1270865'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'priority'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '732812829d284ff5a932ad341eeb9f4f'
                        key: {
                            sys_ui_section: {
                                id: '99b170d6ee254be686a593f50dd2fb51'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'm365_task_id'
                            position: '2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '73e632d0c6034593999e1133f08ee37b'
                        key: {
                            document_key: '6a165c9be9d14c10a547471b8095daec'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '744350991e924be396ca5102dfcb304b'
                        key: {
                            document_key: '1f80cf0fd55d47fc80239bfabc4962b0'
                            variable: '58408e250b3222000b7da95e93673a5c'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '744fbe8e721c4d2eacdaafb8c9a26ed0'
                        key: {
                            document_key: '6a165c9be9d14c10a547471b8095daec'
                            variable: '989d9e235324220002c6435723dc3484'
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
                        table: 'sys_security_acl_role'
                        id: '762b0024ab474a46b4c255a7eb97360d'
                        key: {
                            sys_security_acl: '330cd54cc67a4e74958cdd55d9fa62cb'
                            sys_user_role: {
                                id: '320ffa09212f4a408d701e95c6eb6d0f'
                                key: {
                                    name: 'x_mioms_m365ticket.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '775dbfac0fb44a988c5b02c76fec1cc6'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            caption: 'Resolution Information'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '77e97f75b4de4a88ad40d92537cac713'
                        key: {
                            list_id: {
                                id: 'e0155b5a473b4620ab2533b8a1270865'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'connection'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '78da0208db1c4ab0b5fe7adaac59261c'
                        key: {
                            list_id: {
                                id: '7150f0f36df74f5f928fd51e23d37eee'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'caller'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '78e7057474d8417ba483ffb87b988d7b'
                        key: {
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'urgency'
                            position: '4'
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: '790704260f124b32a0879bdbfebfbfae'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'x_mioms_m365ticket_connection'
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
                        table: 'sys_variable_value'
                        id: '797129ab62944c2a8533c60b4a5b1309'
                        key: {
                            document_key: '5c1d362d281748b099d07803a5730188'
                            variable: '58408e250b3222000b7da95e93673a5c'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '79727942ac9d4d2aad118ceb6b8a0849'
                        key: {
                            sys_security_acl: '9f2c94272f54483aaa41e0227b3768ec'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: '7a742bd811b94bb5918e8fab3fc7f0ed'
                        key: {
                            sys_ui_form: {
                                id: '98d209b7685b44b7ba406c09cb3c10bf'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '99b170d6ee254be686a593f50dd2fb51'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '7a7e0e0113294757bcb96f413499386e'
                        key: {
                            document_key: '6a3a002db1a748859fa47f2d758e5cb5'
                            variable: '59877da10b3222000b7da95e93673a56'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '7b68550346d44f5bb03a044d7fab398a'
                        deleted: false
                        key: {
                            document_key: 'ea6cd334ded14c7288339c430afc735a'
                            variable: '020a6af09fd32200ef4afa7dc67fcfec'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '7b74ee86e50f4b0289fab56fe122a0ae'
                        key: {
                            document_key: '7e386c34877c43068d3d29086c1d69c8'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '7bb4f67e955d4b08bd0ef6a4c79547b7'
                        key: {
                            document_key: 'be614ccd84c343d0ac3c0fa8aa049220'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '7bbfcdff0e4a4f58b11dfd4965a432bf'
                        key: {
                            sys_ui_section: {
                                id: '1aaeb930c09f42dc9d3fa9253442c65a'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Microsoft 365 Connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'last_error'
                            position: '11'
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
                        table: 'sys_ui_element'
                        id: '7cfefd3979b44c459e38b2c45501f98d'
                        key: {
                            sys_ui_section: {
                                id: '7f3da44ce59f4a749830119edf54f29f'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    caption: 'Connector API call'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'task_id'
                            position: '10'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '7e64ebcae6f44be6bc836cc2c4da37d8'
                        key: {
                            document_key: '2b48df925ddb444ab547c7543d505a7d'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
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
                        table: 'sys_ui_section'
                        id: '7eafcd3b739a43d0b1f6fea8e50743c9'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            caption: 'Notes'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '7f3da44ce59f4a749830119edf54f29f'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            caption: 'Connector API call'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7fc2d37907c749bd80e09c15eadd0db7'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'changed_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8124f014d1e145a5b1a644c0acd2c895'
                        key: {
                            document_key: '7e084aecdc8645e8b1b603078a7a0c67'
                            variable: '020a6af09fd32200ef4afa7dc67fcfec'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '813226f366f94782ac346d89b2678331'
                        key: {
                            document_key: 'c40edbbd3cee407fb0f0638b3fa476da'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
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
                        table: 'sys_variable_value'
                        id: '8215f37f9d2b4c4a9802987acc7f9d32'
                        key: {
                            document_key: 'b6801767082f4b97b4ba72e0ee31f82a'
                            variable: '1d94cb1f3b8032000774229c93efc419'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '8217ad72a2684e878e828ccc32276918'
                        key: {
                            list_id: {
                                id: 'e0155b5a473b4620ab2533b8a1270865'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'recommendation_source'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '832fb67009744490a98a6217c30bb499'
                        key: {
                            document_key: 'd33ef9a79b90420c919619d4a6b82184'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8333af02595f45668e45892f8ede2a98'
                        key: {
                            document_key: '34966553df4b4a939f0f9abf94418458'
                            variable: '42f2564b73031300440211d8faf6a777'
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
                        table: 'sys_variable_value'
                        id: '83749e135c774a7f9f57673113f874aa'
                        key: {
                            document_key: 'a4e9124a14a54cea908b4b6eff4d9ad2'
                            variable: 'cec002650b3222000b7da95e93673aae'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '83dd2ad25d5f4d09a7a2350e9fc93d73'
                        key: {
                            field: 'element_value'
                            table: 'var__m_atf_input_variable_afc114199f132200ef4afa7dc67fcf64'
                            id: 'be614ccd84c343d0ac3c0fa8aa049220'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '850a00894a864618b59c37def727787a'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            caption: 'Incident'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '85edf4377c7d44faaeceb6dd90ecb01e'
                        key: {
                            sys_ui_section: {
                                id: '97ae0b858f564c66ba4ad90fb26e91b1'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Change Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'requested_by'
                            position: '8'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '866067012f3b456da3637885a6f4af5c'
                        key: {
                            sys_ui_section: {
                                id: '1aaeb930c09f42dc9d3fa9253442c65a'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Microsoft 365 Connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'connected_at'
                            position: '8'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8696feff10ae408e8c37bbcb6d1f596d'
                        key: {
                            document_key: 'd8d6b9c3241442b1803a5c03fa5baf6c'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '879c486153e34fa9ad9562ff3a0bea2b'
                        key: {
                            document_key: '90d9aa76da9347778ee5365460f42036'
                            variable: '989d9e235324220002c6435723dc3484'
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
                        table: 'sys_ui_list_element'
                        id: '88693165fe3b41e89211c2c10a0d778e'
                        key: {
                            list_id: {
                                id: 'e031a41634cc4ee086da052451bf65e4'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'due_date'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '88805d358f7144e79bcca354b921c909'
                        key: {
                            sys_ui_section: {
                                id: '775dbfac0fb44a988c5b02c76fec1cc6'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Resolution Information'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'close_code'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '88c1b826a9be42509b883e2344480dbf'
                        key: {
                            document_key: '765dbe8d83d4454b858129c0ba139081'
                            variable: '81e042650b3222000b7da95e93673aa2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '88eb0074465d482286961f0513065336'
                        key: {
                            document_key: '5c1d362d281748b099d07803a5730188'
                            variable: '59877da10b3222000b7da95e93673a56'
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
                        table: 'sys_security_acl_role'
                        id: '8a410842e1b44c07a9b970163b38aa80'
                        key: {
                            sys_security_acl: '161f2523a0324b588414f7c49c347dfb'
                            sys_user_role: {
                                id: '320ffa09212f4a408d701e95c6eb6d0f'
                                key: {
                                    name: 'x_mioms_m365ticket.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8a5d2274b3d54b308994f33018aba6f9'
                        key: {
                            document_key: 'ba9e6397ddd24d5db7d2a97060383976'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8a75861bc2b841a38c39ec5b5115c326'
                        key: {
                            document_key: 'f042213bb8724f3184bb797c8500bd7d'
                            variable: 'cec002650b3222000b7da95e93673aae'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8ac188c2a6594a99a49b8bfbd1d4ff38'
                        deleted: true
                        key: {
                            document_key: '333381b20d984407b02b8c6f0dbafa33'
                            variable: '1d94cb1f3b8032000774229c93efc419'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '8ad2e4b58ad94a6e8777507496089763'
                        key: {
                            field: 'basic_auth'
                            table: 'var__m_atf_input_variable_e00571a10b3222000b7da95e93673a8f'
                            id: '5c1d362d281748b099d07803a5730188'
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
                        table: 'sys_security_acl_role'
                        id: '8b96039f42124fc094347f1774bfe84c'
                        key: {
                            sys_security_acl: '64436b7001034abb9f64206acb3a7d2d'
                            sys_user_role: {
                                id: '320ffa09212f4a408d701e95c6eb6d0f'
                                key: {
                                    name: 'x_mioms_m365ticket.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8c12ee18cefa4d62bb3d69658e5dcb91'
                        key: {
                            document_key: 'd3352ef932034156925d740ac8143311'
                            variable: '81e042650b3222000b7da95e93673aa2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8c2c99ed3b5349bc8fafe8b12ac41c81'
                        key: {
                            document_key: 'f042213bb8724f3184bb797c8500bd7d'
                            variable: '6cdd0ab543010210b6f9a0246bb8f2f2'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '8c5cf028c68d4afab1ef4800f36945e9'
                        key: {
                            sys_security_acl: 'd20bd38aacea4665b775e02efaf49f58'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8c926ddb3c82470a8937dd2302886359'
                        key: {
                            document_key: '8084992a1e744da9a60d3d2be6bbc2bf'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8cbef1665821408f81c97130598d3673'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                            element: 'author'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '8e309c9edc6d45b78cacc0c8052280e6'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            caption: 'Activity'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8ea059e340bd476c8771df081a3a9b7b'
                        key: {
                            document_key: '18424ba4b15d4642acc1071dadd9fabf'
                            variable: 'ccae44d59f132200ef4afa7dc67fcf1e'
                        }
                    },
                    {
                        table: 'sys_ui_form'
                        id: '8f78872a8bb74164a18d5efb289dd24e'
                        key: {
                            name: 'x_mioms_m365ticket_connection'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8fba8fd7849e479683c2097b266260d1'
                        key: {
                            document_key: 'f042213bb8724f3184bb797c8500bd7d'
                            variable: '020a6af09fd32200ef4afa7dc67fcfec'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '901c4f78db214a1f8cbf73f32cbb2645'
                        key: {
                            document_key: '3405355f06f94848b21043522e469f1d'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '90797c17094b45348f66f92bcdafdcb5'
                        key: {
                            list_id: {
                                id: 'e031a41634cc4ee086da052451bf65e4'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'recommendation_category'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '90c22e9ca4314dd5b790a8f2158813f0'
                        key: {
                            list_id: {
                                id: '790704260f124b32a0879bdbfebfbfae'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'short_description'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '90de84d8663c45a98badd445dc4f9dac'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '91dea2b1cfaf4b99b5b3cbb565682828'
                        deleted: false
                        key: {
                            document_key: 'ea6cd334ded14c7288339c430afc735a'
                            variable: '81e042650b3222000b7da95e93673aa2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '924c98aad8e54255ad8f077170846a4a'
                        deleted: false
                        key: {
                            document_key: 'ea6cd334ded14c7288339c430afc735a'
                            variable: '6cdd0ab543010210b6f9a0246bb8f2f2'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '9283694b654b43679bc4ad253fa7c267'
                        key: {
                            list_id: {
                                id: '790704260f124b32a0879bdbfebfbfae'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'assignment_group'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '92dbbcc7e95a4ea98271a4c2da42a7be'
                        key: {
                            document_key: 'ba72de4ba9e844198e3f60873b46307d'
                            variable: '1d94cb1f3b8032000774229c93efc419'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '92f043601b9742eca133c7951c623f88'
                        key: {
                            document_key: 'df771bfff7654d6bb913aa593abf8cd2'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '93348d511e204e13b5d1ad6404910539'
                        key: {
                            list_id: {
                                id: 'e0155b5a473b4620ab2533b8a1270865'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'number'
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
                        table: 'sys_security_acl_role'
                        id: '94209d054cd8405b9fc7c5c02cf72c72'
                        key: {
                            sys_security_acl: 'fdef38bddcf2486a8974934749e345dd'
                            sys_user_role: {
                                id: '7bdab9298dee4080abb472c793b2f8d8'
                                key: {
                                    name: 'x_mioms_m365ticket.user'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '94e28aae08bf4f528f90b449ba0c8c77'
                        key: {
                            document_key: '4be4adfb4ef44cc08644376e4aa46043'
                            variable: 'b86c0427531000109e02ddeeff7b1227'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '956aaee658a04194b72b1638e45f636b'
                        key: {
                            list_id: {
                                id: '7150f0f36df74f5f928fd51e23d37eee'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'error_message'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '95905fd88ac0407ab8e87c138c259e2d'
                        key: {
                            sys_ui_section: {
                                id: 'b1b990bf85874ed99ab29b0a7e9ec31a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'connection'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '95ad157d58d9414ba68a7d30c50c0e0b'
                        key: {
                            sys_ui_section: {
                                id: 'b1b990bf85874ed99ab29b0a7e9ec31a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'recommendation_category'
                            position: '6'
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
                        table: 'sys_variable_value'
                        id: '961d4c52de1c4e3b9aa3ef2c9def510a'
                        key: {
                            document_key: 'ae43b964ebd04d35944e842ccf629843'
                            variable: '9f5f67709f132200ef4afa7dc67fcf94'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '96908caf7fa747d7b1a0d5eaa74ef985'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'ticket'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '970ed2a28da84f648b8566eefcaa5e4c'
                        key: {
                            document_key: 'aa3e1539ba04468ca5e5ddeb4660b9fb'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '976716dc214648e0863f5043f6178ec9'
                        key: {
                            list_id: {
                                id: '2ebade9c804d4f7fa66348dd3e746da0'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'tenant_name'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '97ae0b858f564c66ba4ad90fb26e91b1'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            caption: 'Change Request'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_ui_form'
                        id: '98d209b7685b44b7ba406c09cb3c10bf'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '99025e68e0874307b4ef8a31651a9e13'
                        key: {
                            sys_ui_section: {
                                id: '97ae0b858f564c66ba4ad90fb26e91b1'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Change Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'number'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '99328c472bf249ee8db133cfcf45f2db'
                        key: {
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'assigned_to'
                            position: '8'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: '99474583079b47eaaf96fc1ecd10cf9c'
                        key: {
                            sys_ui_form: {
                                id: '98d209b7685b44b7ba406c09cb3c10bf'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '1c8bf04fd3ab463bad49ffe2fb515f8c'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Activity'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '99b170d6ee254be686a593f50dd2fb51'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            caption: 'Microsoft 365'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
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
                        table: 'sys_variable_value'
                        id: '9a50af3259f642d689d8e5bd9f1da8cb'
                        key: {
                            document_key: '7e084aecdc8645e8b1b603078a7a0c67'
                            variable: 'cec002650b3222000b7da95e93673aae'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '9b891f62c5444c29a4702c334efdffbf'
                        key: {
                            document_key: 'ba9e6397ddd24d5db7d2a97060383976'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: '9bae55977d6f4c39a72b862521e0db4e'
                        key: {
                            sys_ui_form: {
                                id: '98d209b7685b44b7ba406c09cb3c10bf'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: 'c4d72de6c11d48a7b3fdfc392e41cf63'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Notes'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '9bda50a619124554b52c875fb837eb25'
                        key: {
                            document_key: 'fced708ba6774f4ba0ea252ca8463970'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
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
                        table: 'sys_ui_element'
                        id: '9d1d5cb444bb4729b0fb389bedafaf94'
                        key: {
                            sys_ui_section: {
                                id: '97ae0b858f564c66ba4ad90fb26e91b1'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Change Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'state'
                            position: '2'
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
                        table: 'sys_documentation'
                        id: '9dec04f721534335a238b98ad8553371'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'new_display'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '9f29e895fe20473b9c295c7932c517ef'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '1aaeb930c09f42dc9d3fa9253442c65a'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Microsoft 365 Connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'state_names'
                            position: '12'
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
                        table: 'sys_variable_value'
                        id: '9fae98cfbb07403fb249e330327e8819'
                        key: {
                            document_key: '90d9aa76da9347778ee5365460f42036'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'a04a8d0aa5184983aa1cb66302849b2b'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'a08946d7719c4a72af1dfbe7b6d6d253'
                        key: {
                            field: 'basic_auth'
                            table: 'var__m_atf_input_variable_e00571a10b3222000b7da95e93673a8f'
                            id: '4c4013d98ac347b2aa601a02de653f8e'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a0c20bd3a24c45a8a8c8e7dd1d4d478f'
                        key: {
                            document_key: 'f78e6794c62c44bbbfb28273c7f5ac2e'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a0d7fc37b7994553b54a25388a30c14f'
                        key: {
                            document_key: '7d6f3e698b1c43fea76b63ed5487fabf'
                            variable: '416784919f132200ef4afa7dc67fcff4'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a0f1200c45984afb8870223fb82ca49a'
                        key: {
                            document_key: 'c0bf0c59e13c4336bdba0423141ad99f'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a0fc1c2273674278abde564034ca2972'
                        key: {
                            document_key: '1f80cf0fd55d47fc80239bfabc4962b0'
                            variable: '59877da10b3222000b7da95e93673a56'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'a11ba8117670497f8588898d48fb7357'
                        key: {
                            list_id: {
                                id: '790704260f124b32a0879bdbfebfbfae'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'm365_requested_by'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a18df861e596403ba26fab701ed44321'
                        key: {
                            document_key: 'ea839b4218894797b4cb9b77815c450a'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a18dff6b052e4cebaeab42f0818a570c'
                        key: {
                            document_key: '4c4013d98ac347b2aa601a02de653f8e'
                            variable: '58408e250b3222000b7da95e93673a5c'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a1b9f49d53114655a479f86988b3e77f'
                        key: {
                            document_key: '7e386c34877c43068d3d29086c1d69c8'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
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
                        table: 'sys_security_acl_role'
                        id: 'a3ee6dd8e6174b63adcbafd32f035020'
                        key: {
                            sys_security_acl: '8bae7d9fc04849d48d98e977686ea6a1'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a410844c088743899598ed253ab034a8'
                        key: {
                            document_key: '7d6f3e698b1c43fea76b63ed5487fabf'
                            variable: '19280c919f132200ef4afa7dc67fcf16'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'a47d4514808546cab874e1e8b4a5506c'
                        key: {
                            sys_ui_section: {
                                id: '7f3da44ce59f4a749830119edf54f29f'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    caption: 'Connector API call'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'tenant_id'
                            position: '8'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a4d80c8771ce4676b53d2f5a2c421783'
                        key: {
                            document_key: '7e084aecdc8645e8b1b603078a7a0c67'
                            variable: '6cdd0ab543010210b6f9a0246bb8f2f2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a4ff1cf545b545dbbbc979d4b5df05d5'
                        key: {
                            document_key: '3f77c1c4461f484b8d7965d305c9683e'
                            variable: '915990ab531000109e02ddeeff7b12f8'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a54c0164ab0f40c2852a5cfa3046c2cd'
                        key: {
                            document_key: '5c1d362d281748b099d07803a5730188'
                            variable: '81e042650b3222000b7da95e93673aa2'
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
                        table: 'sys_ui_element'
                        id: 'a627d62646304ebcbcc4cbb909255c8d'
                        key: {
                            sys_ui_section: {
                                id: '1c8bf04fd3ab463bad49ffe2fb515f8c'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Activity'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'activity.xml'
                            position: '0'
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
                        table: 'sys_variable_value'
                        id: 'a761f24d3afc40cbbfb966eab60eb49d'
                        key: {
                            document_key: 'c40edbbd3cee407fb0f0638b3fa476da'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'a774e5d1d67447ad8574908a5ea864b1'
                        key: {
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'due_date'
                            position: '10'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a8aeabff4fae4b998aa08029deb0494a'
                        key: {
                            document_key: '5c1d362d281748b099d07803a5730188'
                            variable: '89ad06b543010210b6f9a0246bb8f2d7'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a91e3cab8d934a61893a2ba60024177d'
                        key: {
                            document_key: 'e176f318efcd4292bdabee49c7fe0869'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'a9236debd67145779e61caa53eb84ebb'
                        key: {
                            field: 'basic_auth'
                            table: 'var__m_atf_input_variable_e00571a10b3222000b7da95e93673a8f'
                            id: 'f042213bb8724f3184bb797c8500bd7d'
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
                        table: 'sys_variable_value'
                        id: 'aa42705b19114ca7aa7056733b796375'
                        key: {
                            document_key: '1f80cf0fd55d47fc80239bfabc4962b0'
                            variable: '89ad06b543010210b6f9a0246bb8f2d7'
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
                        table: 'sys_variable_value'
                        id: 'ac54cec4e9e64686917e32ff3c749ee3'
                        key: {
                            document_key: 'b6801767082f4b97b4ba72e0ee31f82a'
                            variable: '9f5f67709f132200ef4afa7dc67fcf94'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'acda166873ee4ecdb162f5834bf8edfd'
                        key: {
                            list_id: {
                                id: 'e2132a2350224f7f8c9704c05787cae5'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'ticket_number'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'ad0a4fe6d63549c0b015cecb71d51582'
                        key: {
                            sys_ui_section: {
                                id: 'c4d72de6c11d48a7b3fdfc392e41cf63'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Notes'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'work_notes'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'ad11bb871a384a74bbf4609a91e3b1d1'
                        key: {
                            document_key: '2f779a8fa10148938fd371669efa6fa2'
                            variable: '89ad06b543010210b6f9a0246bb8f2d7'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'ad686208dcd84412956d8411c7fc1dec'
                        key: {
                            document_key: '8084992a1e744da9a60d3d2be6bbc2bf'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'addd6f53f16b4839b3d8ce9f4e5c9081'
                        key: {
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'opened_at'
                            position: '11'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ae2e2d7277eb4e4c84de8dbb08c0d064'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                            element: 'comment_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'ae441556f63649078c3984c9aab715b9'
                        key: {
                            document_key: '4c4013d98ac347b2aa601a02de653f8e'
                            variable: '020a6af09fd32200ef4afa7dc67fcfec'
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
                        table: 'sys_variable_value'
                        id: 'ae80ba35ae674fb9892b224df1cae80c'
                        key: {
                            document_key: 'd1691cdbf99f478baa8b2efc478e443b'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
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
                        table: 'sys_ui_element'
                        id: 'af97b2d0472e48b7966ef0fa2a5651a7'
                        key: {
                            sys_ui_section: {
                                id: '1aaeb930c09f42dc9d3fa9253442c65a'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Microsoft 365 Connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.split'
                            position: '5'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'afb2c66543aa455b975b38e1766886fb'
                        deleted: true
                        key: {
                            document_key: '51dc84cda8bb432ebedcde4accb19dc1'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b02c3a08d9c84e97814fa9c96d2c8645'
                        key: {
                            sys_security_acl: '10fcef15ac2c4535a32f79278ef0d331'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'b108b7862d2f4aa5be16e18b0c71e1a5'
                        deleted: false
                        key: {
                            document_key: 'ea6cd334ded14c7288339c430afc735a'
                            variable: '50bff9250b3222000b7da95e93673a9b'
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
                        table: 'sys_ui_section'
                        id: 'b1b990bf85874ed99ab29b0a7e9ec31a'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            caption: 'Microsoft 365'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'b22b812f1df440618ab16a0c55a59704'
                        key: {
                            list_id: {
                                id: 'e0155b5a473b4620ab2533b8a1270865'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'due_date'
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
                        table: 'sys_variable_value'
                        id: 'b2cce956f4594f3398b589b348f72e2a'
                        key: {
                            document_key: '5c1d362d281748b099d07803a5730188'
                            variable: '020a6af09fd32200ef4afa7dc67fcfec'
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
                        table: 'sys_ui_form_section'
                        id: 'b39432c2c390484f911cb1cfa9fe4b8d'
                        key: {
                            sys_ui_form: {
                                id: 'fdd274aa32e34e0989fe7aa466d8710b'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '7f3da44ce59f4a749830119edf54f29f'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    caption: 'Connector API call'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
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
                        table: 'sys_variable_value'
                        id: 'b3ed8078542b4b4a9429b06cb2890acb'
                        key: {
                            document_key: '7e386c34877c43068d3d29086c1d69c8'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b411cf51a49a43ec83c4598a30b391c3'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                            element: 'journal_entry'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b4b4d7a6e3f64ba687a9b705249ed6da'
                        key: {
                            sys_security_acl: 'fb392271437040fdb86266208d66d1ec'
                            sys_user_role: {
                                id: '2cba86d7a7ce46fa8491e922c23797ca'
                                key: {
                                    name: 'itil'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'b55ad5a30b8a4a2f82e754a727456f89'
                        key: {
                            document_key: '765dbe8d83d4454b858129c0ba139081'
                            variable: '6cdd0ab543010210b6f9a0246bb8f2f2'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'b634140a1a9f461a81203b1c2bee2734'
                        key: {
                            sys_ui_section: {
                                id: '99b170d6ee254be686a593f50dd2fb51'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'action_url'
                            position: '9'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'b65a06cf1bd44ac3be849e8862445b51'
                        key: {
                            sys_ui_section: {
                                id: '99b170d6ee254be686a593f50dd2fb51'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'connection'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'b665f32b07e2408aa05e198df796a234'
                        key: {
                            list_id: {
                                id: '7150f0f36df74f5f928fd51e23d37eee'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'tenant_id'
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: 'b6f61dc938e04e36a96905c665d63222'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'b736511a448d4a1fb7e977e7d77bc5fe'
                        key: {
                            document_key: '21b1249946a84536ad6e3d046e272213'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'b75ca238d64b40bfac28faed383eeeec'
                        key: {
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'caller_id'
                            position: '9'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'b78c88f86e374d038347a62d728f40db'
                        key: {
                            document_key: 'c4b70cd0ee24490fa3120e992fa097ff'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b8218e8bf399498e875e4b6e20e6aaf8'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                            element: 'connection'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: 'b82df3b4a4b34dafbef440577fd24f0d'
                        key: {
                            sys_ui_form: {
                                id: '98d209b7685b44b7ba406c09cb3c10bf'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '97ae0b858f564c66ba4ad90fb26e91b1'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Change Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'b90380331a6b420fa8d52186e89b1810'
                        key: {
                            sys_ui_section: {
                                id: '97ae0b858f564c66ba4ad90fb26e91b1'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Change Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'assignment_group'
                            position: '6'
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
                        table: 'sys_variable_value'
                        id: 'b9a1385a14784880bcdffba0f93a490b'
                        key: {
                            document_key: 'c40edbbd3cee407fb0f0638b3fa476da'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'b9bd2138f2194964ad469525b659b76c'
                        key: {
                            document_key: '973c7fea0b0843709c90c4f36ba18e0e'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b9d0517a9e474b40bd4c3df99583c9c7'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'field'
                            language: 'en'
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
                        table: 'sys_ui_form_section'
                        id: 'bb1a84284d4d4df79d041d6733210220'
                        key: {
                            sys_ui_form: {
                                id: 'e926190b92274139a4e589c2bb794a34'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'bc152b4bac7545f5bfd3036242a03e00'
                        key: {
                            document_key: 'a4e9124a14a54cea908b4b6eff4d9ad2'
                            variable: '89ad06b543010210b6f9a0246bb8f2d7'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'bc245ccb7f254e179c339c38f41e1e7d'
                        key: {
                            document_key: '21b1249946a84536ad6e3d046e272213'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'bca38b11fc94486aa14bd17644b29540'
                        key: {
                            document_key: '778216d31e7141acac84b3328349c703'
                            variable: 'ccae44d59f132200ef4afa7dc67fcf1e'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'bcd2a07f31d74c58a1785753edec923c'
                        key: {
                            document_key: 'f042213bb8724f3184bb797c8500bd7d'
                            variable: '50bff9250b3222000b7da95e93673a9b'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'bcd7e589fd65448788c9732954f4acf5'
                        key: {
                            sys_ui_section: {
                                id: '7f3da44ce59f4a749830119edf54f29f'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    caption: 'Connector API call'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'sys_created_on'
                            position: '1'
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
                        table: 'sys_index'
                        id: 'be4759565c6b4e85a23ea7a1d8d81e3b'
                        key: {
                            logical_table_name: 'x_mioms_m365ticket_incident'
                            col_name_string: 'connection,sys_updated_on,sys_id'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: 'be53498d86d848b6914dbf3709a55746'
                        key: {
                            web_service_operation: '6e72b6f3f34e426f9324cbc9d635a72d'
                            web_service_query_parameter: '9c0ed8cc25c940e9b7b04074a119bcd5'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'bec2f2953c0c47db84188160a4367cd0'
                        key: {
                            document_key: '7d6f3e698b1c43fea76b63ed5487fabf'
                            variable: 'cd4744919f132200ef4afa7dc67fcf6e'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'becaa222c25d44e882d71347f659d119'
                        key: {
                            document_key: 'a1a42c6ce34747989561593a80cd82f9'
                            variable: '989d9e235324220002c6435723dc3484'
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
                        table: 'sys_variable_value'
                        id: 'bf3f2513d76147569c52316827b446ac'
                        key: {
                            document_key: 'ee283485dfb0431fbb46db8cb5202a94'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'bf88242582984851a25e9cf370b7a350'
                        key: {
                            document_key: 'd955d32a4bbb4eb396dd9fdc55217540'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'bf95060ba7214fa89d736f1d28e7acb6'
                        key: {
                            document_key: 'd955d32a4bbb4eb396dd9fdc55217540'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'bf95d174e1c143429194e220e21ed744'
                        key: {
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.split'
                            position: '6'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'bfb7c52c6b814a9c826b9403b24a2e33'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                            element: 'ticket'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'bfdd77c16aff4fa8a894caec4d7bc8b1'
                        key: {
                            document_key: 'a4e9124a14a54cea908b4b6eff4d9ad2'
                            variable: '81e042650b3222000b7da95e93673aa2'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'c140abec4ca746b5a31f02d387067894'
                        key: {
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'number'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c19f44ad3920466c8178d67769768c42'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                            element: 'text'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: 'c1b4894820fe493893bfb6b4fcef92b7'
                        key: {
                            web_service_operation: '6e72b6f3f34e426f9324cbc9d635a72d'
                            web_service_query_parameter: '6d005344eb914dee970e5abbae414495'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c2466077c9bf4090ad3a275ad7557281'
                        deleted: true
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'requested_by'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c2adb0f9f9ee44b1b8853594963748e4'
                        key: {
                            sys_security_acl: '0f6e5c11511443518326655cbec12f77'
                            sys_user_role: {
                                id: '320ffa09212f4a408d701e95c6eb6d0f'
                                key: {
                                    name: 'x_mioms_m365ticket.admin'
                                }
                            }
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
                        table: 'sys_ui_list_element'
                        id: 'c2f756b429c641f7b8e60dd76330c6eb'
                        key: {
                            list_id: {
                                id: 'b6f61dc938e04e36a96905c665d63222'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: 'c2f927b5f1e54ff9855feb8f97b0293e'
                        key: {
                            sys_ui_form: {
                                id: 'e926190b92274139a4e589c2bb794a34'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: 'b1b990bf85874ed99ab29b0a7e9ec31a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'c325e7246be1430385e829a84273e420'
                        key: {
                            sys_ui_section: {
                                id: 'c4d72de6c11d48a7b3fdfc392e41cf63'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Notes'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'comments'
                            position: '0'
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
                        table: 'sys_ui_element'
                        id: 'c38cb78393c648c38b5e1da4b7d06719'
                        key: {
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.end_split'
                            position: '12'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c3b9f2d369844256965bbd1024056a17'
                        key: {
                            document_key: '5698700c5a65487eafea74763b504ff9'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'c42fc04a4f324e44a2e0d99db993f965'
                        key: {
                            list_id: {
                                id: 'e031a41634cc4ee086da052451bf65e4'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'state'
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
                        table: 'sys_ui_section'
                        id: 'c4d72de6c11d48a7b3fdfc392e41cf63'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            caption: 'Notes'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c5a6e6f0cbce46c997ba4365229d130d'
                        key: {
                            document_key: '50f3611661b248ff80098a124c3dfeae'
                            variable: 'cec002650b3222000b7da95e93673aae'
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
                        table: 'sys_ui_form_section'
                        id: 'c64537d00f34402398cec47a3ad03574'
                        key: {
                            sys_ui_form: {
                                id: '98d209b7685b44b7ba406c09cb3c10bf'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '3f6b935c4e0c4d4d8a3824400ba8be38'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Resolution Information'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c6867882995242a4a4d08a75752410c7'
                        key: {
                            document_key: 'be614ccd84c343d0ac3c0fa8aa049220'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c687defa6ee74073beaeaf9ac5abbd58'
                        key: {
                            document_key: 'd3352ef932034156925d740ac8143311'
                            variable: '89ad06b543010210b6f9a0246bb8f2d7'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c69de78162474054a305019fd5a1b94a'
                        key: {
                            document_key: '973c7fea0b0843709c90c4f36ba18e0e'
                            variable: '42f2564b73031300440211d8faf6a777'
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
                        table: 'sys_variable_value'
                        id: 'c72814b1b9094e99a51d766723d59589'
                        key: {
                            document_key: 'ee283485dfb0431fbb46db8cb5202a94'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c798528bebfe446299fc659d2f15f726'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'field'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'c7d2071f840f450c94987b5e2123a2b4'
                        key: {
                            sys_ui_section: {
                                id: '7f3da44ce59f4a749830119edf54f29f'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    caption: 'Connector API call'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'method'
                            position: '3'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c8d4e01e030346a6a2b42519dcd4d4cb'
                        key: {
                            document_key: 'a4e9124a14a54cea908b4b6eff4d9ad2'
                            variable: '59877da10b3222000b7da95e93673a56'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c8df81491c61433c83c0d2c29f8e9827'
                        key: {
                            sys_security_acl: 'c328984f33304969874e38c33a5a2b02'
                            sys_user_role: {
                                id: '2cba86d7a7ce46fa8491e922c23797ca'
                                key: {
                                    name: 'itil'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'c93de198d74440acb495a694200645dd'
                        key: {
                            list_id: {
                                id: '7150f0f36df74f5f928fd51e23d37eee'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'http_status'
                        }
                    },
                    {
                        table: 'sys_ux_lib_asset'
                        id: 'c9501cb3d3314452842c15fb9983b47d'
                        deleted: false
                        key: {
                            name: 'x_mioms_m365ticket/vendor-react-dom--535a40c9.js.map'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c96a95bf13054b8696827c088e50409d'
                        deleted: true
                        key: {
                            sys_security_acl: '8c3d1d7bd3ea43d49bb7d964abeb405c'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'c96f18678853434ba251c54b6c0d6653'
                        key: {
                            sys_ui_section: {
                                id: '99b170d6ee254be686a593f50dd2fb51'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'secure_score_control'
                            position: '7'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: 'c9ba29bf02924d0693c3fe7432bcbfe8'
                        key: {
                            sys_ui_form: {
                                id: '8f78872a8bb74164a18d5efb289dd24e'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '1aaeb930c09f42dc9d3fa9253442c65a'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Microsoft 365 Connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'c9c5bea876e147589ba40a826d4f180e'
                        key: {
                            list_id: {
                                id: 'b6f61dc938e04e36a96905c665d63222'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'recommendation_source'
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
                        table: 'sys_ui_element'
                        id: 'cbe97f6b9b8e4decae80d072e3349132'
                        key: {
                            sys_ui_section: {
                                id: '97ae0b858f564c66ba4ad90fb26e91b1'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Change Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'due_date'
                            position: '4'
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
                        table: 'sys_ui_list_element'
                        id: 'cc42d7c81f794f96ad32c2084ce07f4f'
                        key: {
                            list_id: {
                                id: '2ebade9c804d4f7fa66348dd3e746da0'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'last_error'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'cc45bbed1d284410bd8ff82aff97fecd'
                        key: {
                            sys_ui_section: {
                                id: '4d0b2d4195f5487483cb2f3ba04ffbdd'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Tickets and calls'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '12M.x_mioms_m365ticket_connection.x_mioms_m365ticket_api_log.connection'
                            position: '2'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'cc4e1e75c0824540bb0c2a4c69df4a8c'
                        key: {
                            list_id: {
                                id: 'e2132a2350224f7f8c9704c05787cae5'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'route'
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
                        table: 'sys_ui_list_element'
                        id: 'cd8c8a8860024d01b10c60dc9ee0ed01'
                        key: {
                            list_id: {
                                id: '7150f0f36df74f5f928fd51e23d37eee'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'sys_created_on'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'cda3c4fac8d64fd5a2fa50bc10d7e23c'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'changed_by'
                            language: 'en'
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
                        table: 'sys_ui_element'
                        id: 'ce13ee67dbfb4977bdcc642691d8f3e1'
                        key: {
                            sys_ui_section: {
                                id: '1aaeb930c09f42dc9d3fa9253442c65a'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Microsoft 365 Connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'status'
                            position: '3'
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
                        table: 'sys_variable_value'
                        id: 'ce747e8f8daa4d7a9cfbfc8581fa9903'
                        key: {
                            document_key: '2b48df925ddb444ab547c7543d505a7d'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'cf32b87cc0ba49c8af0f0e17a406954e'
                        key: {
                            sys_security_acl: 'c74071d3701d47289d0a5143d0a0275a'
                            sys_user_role: {
                                id: '320ffa09212f4a408d701e95c6eb6d0f'
                                key: {
                                    name: 'x_mioms_m365ticket.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'cf4afa05960d434ea8610920439ea3d0'
                        key: {
                            sys_ui_section: {
                                id: '850a00894a864618b59c37def727787a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'priority'
                            position: '5'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'cf5d7a3275f24bd8b490e3ecf42cb6d2'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'ticket'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'cf60915f028647dfa85ea485598b222d'
                        key: {
                            document_key: '4c4013d98ac347b2aa601a02de653f8e'
                            variable: '50bff9250b3222000b7da95e93673a9b'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'cf9d86b5f9ce4083a381335d76f91009'
                        key: {
                            document_key: '50f3611661b248ff80098a124c3dfeae'
                            variable: '6cdd0ab543010210b6f9a0246bb8f2f2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'cfe576becb4748c48d762aec93bdd59b'
                        key: {
                            document_key: '4c4013d98ac347b2aa601a02de653f8e'
                            variable: '6cdd0ab543010210b6f9a0246bb8f2f2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'd0b8df8057b74535b25c213f37fad89a'
                        key: {
                            document_key: '998c4c0ec93545059edf19bdc0d5dcca'
                            variable: '1d94cb1f3b8032000774229c93efc419'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'd1570b2504c145bab572a68e91d6ae93'
                        key: {
                            sys_ui_section: {
                                id: '7f3da44ce59f4a749830119edf54f29f'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    caption: 'Connector API call'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'connection'
                            position: '7'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'd182f4d5c55a41128ee1e2b64a6a72a7'
                        key: {
                            sys_security_acl: 'f9ff874250824f5d947fd517cc080565'
                            sys_user_role: {
                                id: '320ffa09212f4a408d701e95c6eb6d0f'
                                key: {
                                    name: 'x_mioms_m365ticket.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'd19de276bd184228a5da1bf2bb75be26'
                        key: {
                            document_key: '54af7d69facb4b17b26303e23edf0b6f'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'd1a773cbab374e4fa75f2ab32a1935c6'
                        key: {
                            sys_security_acl: 'b61279424705445fa986ce1256f0e3bf'
                            sys_user_role: {
                                id: '320ffa09212f4a408d701e95c6eb6d0f'
                                key: {
                                    name: 'x_mioms_m365ticket.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'd1c5acf9a89049dc8ccfb87a611a7ced'
                        key: {
                            document_key: 'a4e9124a14a54cea908b4b6eff4d9ad2'
                            variable: '58408e250b3222000b7da95e93673a5c'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd21b3c8d1a8c454182172868e2a1af71'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'ticket_table'
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
                        table: 'sys_variable_value'
                        id: 'd456e7195ecb4c2b8b885fc12fcd40c6'
                        key: {
                            document_key: '245832a372ff4988ba2d31fcb517ac21'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'd4814480ccd141eca63695f132940ef2'
                        key: {
                            document_key: '6a3a002db1a748859fa47f2d758e5cb5'
                            variable: '6cdd0ab543010210b6f9a0246bb8f2f2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'd4bf62a6dd0a4e288ff03925641a045d'
                        key: {
                            document_key: '765dbe8d83d4454b858129c0ba139081'
                            variable: '020a6af09fd32200ef4afa7dc67fcfec'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'd4ea4cd703594606a56dda44143c83e8'
                        key: {
                            document_key: 'c4b70cd0ee24490fa3120e992fa097ff'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_ws_query_parameter_map'
                        id: 'd4faa89d04b54df6981a7e154cb23e8f'
                        key: {
                            web_service_operation: '6e72b6f3f34e426f9324cbc9d635a72d'
                            web_service_query_parameter: '75b26420bfaf401cb51e4f3aa56a2749'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'd67f301a8775441c9bb2c7a9447ab7d1'
                        key: {
                            document_key: 'a7ed1065b35645ddaf1a0895b856ae7b'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'd6c7404ff83b44eb9d822ae4e7d65de5'
                        key: {
                            sys_ui_section: {
                                id: '1aaeb930c09f42dc9d3fa9253442c65a'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Microsoft 365 Connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'connected_by'
                            position: '4'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'd74b6c3321ec40bc86246e501a2ce131'
                        deleted: false
                        key: {
                            document_key: 'ea6cd334ded14c7288339c430afc735a'
                            variable: '89ad06b543010210b6f9a0246bb8f2d7'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'd7bb567f447a43d5af284e7ccc6614dc'
                        key: {
                            sys_security_acl: '0cf092e6e688416aa607ba403579dcce'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'd7d57f6cb4de4fc389131336161bef2c'
                        key: {
                            sys_ui_section: {
                                id: '7f3da44ce59f4a749830119edf54f29f'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    caption: 'Connector API call'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'duration_ms'
                            position: '5'
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
                        table: 'sys_security_acl_role'
                        id: 'd82416c23a224347a5c17ecf04c58cdc'
                        deleted: true
                        key: {
                            sys_security_acl: '13e35e4d4b1b4e2eb06d638f132d6c7d'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'd82fea5786d64fe9a01f0e76f118959b'
                        key: {
                            field: 'basic_auth'
                            table: 'var__m_atf_input_variable_e00571a10b3222000b7da95e93673a8f'
                            id: 'a4e9124a14a54cea908b4b6eff4d9ad2'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd8968b142f094be096b647ad91cdc6b4'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'changed_at'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'd9c615974e6d4bb9b2ca1986db5a7ed7'
                        key: {
                            document_key: 'e493730218294c19897891b16c6e0f4d'
                            variable: '1d94cb1f3b8032000774229c93efc419'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'd9de841decee4cf2834068492e908bc5'
                        key: {
                            document_key: '765dbe8d83d4454b858129c0ba139081'
                            variable: '50bff9250b3222000b7da95e93673a9b'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'da6462da028645769520d427d66d90ff'
                        key: {
                            list_id: {
                                id: '790704260f124b32a0879bdbfebfbfae'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'da9fc8565c7443a1a5a7896cee7a44c0'
                        key: {
                            list_id: {
                                id: 'e0155b5a473b4620ab2533b8a1270865'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'recommendation_category'
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
                        table: 'sys_dictionary'
                        id: 'dd0b54b7d5e241abb85e6115c159b8bf'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'dd610cfaffc74c949553d4fa5b40b4b2'
                        key: {
                            document_key: '0c608d82fe4f4cc38bcffabc5cc6dcd1'
                            variable: '1d94cb1f3b8032000774229c93efc419'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'dd9191252eb54e9ba2b06f6a4471358d'
                        key: {
                            document_key: '8bcf4feb174342228da9207836b809ea'
                            variable: '9f5f67709f132200ef4afa7dc67fcf94'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'ddcf60ed5c1d4ab0accebbe239aff99c'
                        key: {
                            document_key: '4be4adfb4ef44cc08644376e4aa46043'
                            variable: '02fb0027531000109e02ddeeff7b120b'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'dde0786b3b1b4b69a8a24c5a8a8936cf'
                        key: {
                            document_key: 'ea1af4e82fe240f283a0a8209e0b6a12'
                            variable: '9f5f67709f132200ef4afa7dc67fcf94'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'de4b5852ffff4290a4fec74334a357e3'
                        key: {
                            document_key: 'd1691cdbf99f478baa8b2efc478e443b'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'dea94be76f7a4954941325ebe0c6a9e2'
                        key: {
                            sys_ui_section: {
                                id: 'b1b990bf85874ed99ab29b0a7e9ec31a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'secure_score_control'
                            position: '7'
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
                        table: 'sys_variable_value'
                        id: 'df06cc0e9cba4b2ab935826530497d5d'
                        key: {
                            document_key: 'fced708ba6774f4ba0ea252ca8463970'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'df0966f5001946f6bdd94d3d38c8c61c'
                        key: {
                            document_key: 'd33ef9a79b90420c919619d4a6b82184'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'df2bf6ab04c744ff8efba82551710bf3'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'm365_requested_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'df2fbfd714ff4f349b0f32644f0f6b9f'
                        key: {
                            document_key: '96b13019a50b47bebd1f4699de9efb0e'
                            variable: '9f5f67709f132200ef4afa7dc67fcf94'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'df7d37c020aa43a4b07fc0410518479c'
                        key: {
                            document_key: '9ccc122dfaa84b65813ebb418cc1c143'
                            variable: 'ccae44d59f132200ef4afa7dc67fcf1e'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'dfd2ba4409e241a8b944faf05f593148'
                        key: {
                            sys_ui_section: {
                                id: '97ae0b858f564c66ba4ad90fb26e91b1'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Change Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.begin_split'
                            position: '0'
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
                        table: 'sys_variable_value'
                        id: 'e00c5c9a25b34dbd8f5b97e9fc94dde5'
                        key: {
                            document_key: 'd3352ef932034156925d740ac8143311'
                            variable: '59877da10b3222000b7da95e93673a56'
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: 'e0155b5a473b4620ab2533b8a1270865'
                        key: {
                            name: 'x_mioms_m365ticket_change_request'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: 'e031a41634cc4ee086da052451bf65e4'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'x_mioms_m365ticket_connection'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e0a39f9dbe4a4b9d92967343063fadc1'
                        key: {
                            document_key: 'df771bfff7654d6bb913aa593abf8cd2'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e0c0345f3d3b47c1bc6e2615e6869345'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                            element: 'ticket'
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
                        table: 'sys_ui_element'
                        id: 'e180df48327045ebac5a4a27ed6e6840'
                        key: {
                            sys_ui_section: {
                                id: '1aaeb930c09f42dc9d3fa9253442c65a'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Microsoft 365 Connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'last_contact_at'
                            position: '9'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e1cfe242aec24f3ba58b037f7c066599'
                        key: {
                            document_key: '06087756c3a246dcba304f03d18f00dc'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: 'e2132a2350224f7f8c9704c05787cae5'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'x_mioms_m365ticket_connection'
                        }
                    },
                    {
                        table: 'sys_ux_lib_asset'
                        id: 'e256badc74c845f08169852df24a958e'
                        deleted: false
                        key: {
                            name: 'x_mioms_m365ticket/main'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e2fe433903c94ea9926bd3f09f753688'
                        key: {
                            document_key: 'd114064bba7242d8b4edc40f39fe112f'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'e3b7b87efab840d5aadc791306e75ba1'
                        key: {
                            list_id: {
                                id: 'e2132a2350224f7f8c9704c05787cae5'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'error_message'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'e468d8ee57b84fc5adc45090b8621275'
                        key: {
                            list_id: {
                                id: '2ebade9c804d4f7fa66348dd3e746da0'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'last_contact_at'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e4ce835af9574d228b60eda5fbd5697a'
                        key: {
                            document_key: 'e493730218294c19897891b16c6e0f4d'
                            variable: '9f5f67709f132200ef4afa7dc67fcf94'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e4f0cbd0bca94485945711d54e36b645'
                        key: {
                            document_key: 'ea1af4e82fe240f283a0a8209e0b6a12'
                            variable: '1d94cb1f3b8032000774229c93efc419'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'e529f03541db4de585f14a718dcfe23d'
                        key: {
                            list_id: {
                                id: 'e0155b5a473b4620ab2533b8a1270865'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e59657a3679c49e4b9456969bdffbc38'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'old_display'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e5affedabbf34a3f87664e4000beedfe'
                        key: {
                            document_key: '307011e3348348faae1de3174578ad00'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'e62725a86f904c709cc1d450b3b38a90'
                        key: {
                            sys_ui_section: {
                                id: '775dbfac0fb44a988c5b02c76fec1cc6'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Resolution Information'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'close_notes'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e66c1b483e5449a4aaa8a324a6a7b3ae'
                        key: {
                            document_key: '3f77c1c4461f484b8d7965d305c9683e'
                            variable: 'b86c0427531000109e02ddeeff7b1227'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e6b66a4c0f3841d6bb8dcad3c12e0070'
                        key: {
                            document_key: '4c4013d98ac347b2aa601a02de653f8e'
                            variable: '81e042650b3222000b7da95e93673aa2'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'e6d987dc266d46b1939033e1d1067dce'
                        key: {
                            list_id: {
                                id: '2ebade9c804d4f7fa66348dd3e746da0'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'status'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e7fb2468d1ca4eaf835837411c94b606'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                            element: 'connection'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e84319c1474540029b899b5761a6dcb6'
                        key: {
                            document_key: '15027bf0fee6462c85f79cec6da7cff4'
                            variable: 'ccae44d59f132200ef4afa7dc67fcf1e'
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
                        table: 'sys_variable_value'
                        id: 'e8efa52f9881435d9006a036b5e81908'
                        key: {
                            document_key: '7360904d3f244b80b8a43623cb5b16ec'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_ui_form'
                        id: 'e926190b92274139a4e589c2bb794a34'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e94a5b1469bc483f9c1e362c396aa57e'
                        key: {
                            document_key: '2b48df925ddb444ab547c7543d505a7d'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e96bec61d0cc4ef1ad46eaac1d6f637d'
                        key: {
                            document_key: 'fced708ba6774f4ba0ea252ca8463970'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'eb7392d58d5f48e1957e5483df75e5dd'
                        key: {
                            sys_ui_section: {
                                id: '1aaeb930c09f42dc9d3fa9253442c65a'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    caption: 'Microsoft 365 Connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'integration_user'
                            position: '6'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'ebdc0f62f3774fb8b20d229c08f51600'
                        key: {
                            document_key: 'a1a42c6ce34747989561593a80cd82f9'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ec26ef22b5c04970823f99a8e20372ee'
                        key: {
                            name: 'x_mioms_m365ticket_incident'
                            element: 'm365_requested_by'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'ec323098c424497c98489ee64aaf881a'
                        deleted: false
                        key: {
                            document_key: 'c231f5c946f54adcbbee1d97518bc120'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'ec9cd4579c8a409fbcbab28f2d133ad7'
                        key: {
                            document_key: '6a3a002db1a748859fa47f2d758e5cb5'
                            variable: 'cec002650b3222000b7da95e93673aae'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'ed5ad1209dcf431488118a6f3a88ef28'
                        key: {
                            sys_ui_section: {
                                id: '7f3da44ce59f4a749830119edf54f29f'
                                key: {
                                    name: 'x_mioms_m365ticket_api_log'
                                    caption: 'Connector API call'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'caller'
                            position: '9'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'ede264eda02047569b446124b3484274'
                        key: {
                            list_id: {
                                id: '2ebade9c804d4f7fa66348dd3e746da0'
                                key: {
                                    name: 'x_mioms_m365ticket_connection'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'tenant_id'
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
                        table: 'sys_variable_value'
                        id: 'eef58d6d2def444597ca446e2c6b9bb5'
                        key: {
                            document_key: '4c4013d98ac347b2aa601a02de653f8e'
                            variable: '89ad06b543010210b6f9a0246bb8f2d7'
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
                        table: 'sys_ui_element'
                        id: 'eef99f10298c496aa5d03d21e6503801'
                        key: {
                            sys_ui_section: {
                                id: 'b1b990bf85874ed99ab29b0a7e9ec31a'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    caption: 'Microsoft 365'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'action_url'
                            position: '9'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'ef4b046760734460a0f3c6b6fbbd747c'
                        key: {
                            document_key: 'ee283485dfb0431fbb46db8cb5202a94'
                            variable: '7b139c199f132200ef4afa7dc67fcfb3'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'ef75117ea4114be9ac49c5d5f7206319'
                        key: {
                            document_key: 'd3352ef932034156925d740ac8143311'
                            variable: '58408e250b3222000b7da95e93673a5c'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f0aefaf2dda34d1db14bf2a3f30ea833'
                        key: {
                            document_key: 'f042213bb8724f3184bb797c8500bd7d'
                            variable: '81e042650b3222000b7da95e93673aa2'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'f0c3645c5bc74152bdbd8749b353ab8e'
                        key: {
                            sys_ui_section: {
                                id: '97ae0b858f564c66ba4ad90fb26e91b1'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Change Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'priority'
                            position: '3'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f0c4e0e176c245fea269b7da345f3cc2'
                        key: {
                            document_key: 'caf6319176ec459d9f01c2eb1d149306'
                            variable: '989d9e235324220002c6435723dc3484'
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
                        table: 'sys_dictionary'
                        id: 'f1787f66b6324d5b9a75c90b8abc5778'
                        key: {
                            name: 'x_mioms_m365ticket_m365_comment'
                            element: 'text'
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
                        table: 'sys_variable_value'
                        id: 'f30fb6ae25a3405cad2832411a875319'
                        key: {
                            document_key: '50f3611661b248ff80098a124c3dfeae'
                            variable: '50bff9250b3222000b7da95e93673a9b'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f35d2c174a3a4f3884044fad9b70c6c2'
                        key: {
                            document_key: 'f042213bb8724f3184bb797c8500bd7d'
                            variable: '59877da10b3222000b7da95e93673a56'
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
                        table: 'sys_variable_value'
                        id: 'f4342dc3e8504a1f991f1e7efdcdee8b'
                        key: {
                            document_key: 'c0bf0c59e13c4336bdba0423141ad99f'
                            variable: '5a9258199f132200ef4afa7dc67fcfb4'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f47ecb67a82648e48e2f447c95c6a362'
                        key: {
                            document_key: '7e084aecdc8645e8b1b603078a7a0c67'
                            variable: '81e042650b3222000b7da95e93673aa2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f49f503ffa4a4dec8caa0359f6bf7cab'
                        key: {
                            document_key: '245832a372ff4988ba2d31fcb517ac21'
                            variable: '2db298199f132200ef4afa7dc67fcfbc'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'f603bda5995c4aeb9f3dc185dc1c7380'
                        key: {
                            sys_security_acl: '777d3ff1c3ac48baae91dd30b63db17d'
                            sys_user_role: {
                                id: '7bdab9298dee4080abb472c793b2f8d8'
                                key: {
                                    name: 'x_mioms_m365ticket.user'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f8026d98a39b4e0c9058dc249e43f658'
                        key: {
                            document_key: '18424ba4b15d4642acc1071dadd9fabf'
                            variable: 'f0eec4d59f132200ef4afa7dc67fcf6d'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f82578a5eed143c3b62b81221f68e85d'
                        key: {
                            document_key: '266c219cedb84f22bcb46a9d26511f61'
                            variable: 'ccae44d59f132200ef4afa7dc67fcf1e'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'f82ba927dfdd4f2d8c9c01c10687fb86'
                        deleted: true
                        key: {
                            sys_security_acl: '932fd2d681c94d009b4c89d3f201406c'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f89671b4b4d040ac9174daa9af02582e'
                        key: {
                            document_key: '9121faade8df4a409796e9f99ffe0f81'
                            variable: 'ccae44d59f132200ef4afa7dc67fcf1e'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f8d1ee42023343b6b910d508ff7cc247'
                        key: {
                            document_key: 'ee1859362a774a51866964d8c1f8739d'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'f90191405eb049beb1a4d51f94d44e7e'
                        key: {
                            sys_security_acl: '5cea88d184264a20bc01e6f296e31327'
                            sys_user_role: {
                                id: '2cba86d7a7ce46fa8491e922c23797ca'
                                key: {
                                    name: 'itil'
                                }
                            }
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
                        table: 'sys_variable_value'
                        id: 'f9a1486db8b3461995fc57e158ad5e82'
                        deleted: true
                        key: {
                            document_key: '51dc84cda8bb432ebedcde4accb19dc1'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: 'fa61b6a541d243ca944851a4fdd0b197'
                        key: {
                            logical_table_name: 'x_mioms_m365ticket_m365_comment'
                            col_name_string: 'connection,comment_id'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'fad47fa5bc4b4d5699efa4da2bcad46b'
                        key: {
                            sys_security_acl: 'f60abcc6b4904ceca04fe3206567f9e8'
                            sys_user_role: {
                                id: 'f4030a8c20df45b3a1bb172024cbcc0e'
                                key: {
                                    name: 'nobody'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'fb310114cab040e8a85182834bc78b4d'
                        key: {
                            document_key: '50f3611661b248ff80098a124c3dfeae'
                            variable: '58408e250b3222000b7da95e93673a5c'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'fba93e82f3da4b308ba9bf5ad65e62dd'
                        deleted: false
                        key: {
                            document_key: 'ea6cd334ded14c7288339c430afc735a'
                            variable: '59877da10b3222000b7da95e93673a56'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'fc8c4b28a6054c1e905960a0fad7c656'
                        key: {
                            list_id: {
                                id: 'e031a41634cc4ee086da052451bf65e4'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_mioms_m365ticket_connection'
                                }
                            }
                            element: 'priority'
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
                        table: 'sys_element_mapping'
                        id: 'fca45ba19af047269f5856fb15d60db4'
                        key: {
                            field: 'basic_auth'
                            table: 'var__m_atf_input_variable_e00571a10b3222000b7da95e93673a8f'
                            id: '2f779a8fa10148938fd371669efa6fa2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'fca6fa8e5d894421a22482e541d51716'
                        key: {
                            document_key: '6a3a002db1a748859fa47f2d758e5cb5'
                            variable: '89ad06b543010210b6f9a0246bb8f2d7'
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
                        table: 'sys_documentation'
                        id: 'fd296276160447ac9b1911985e66edf5'
                        key: {
                            name: 'x_mioms_m365ticket_ticket_history'
                            element: 'old_value'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'fd70bf25be5843c9b10af554b10dfd6b'
                        key: {
                            document_key: '50f3611661b248ff80098a124c3dfeae'
                            variable: '59877da10b3222000b7da95e93673a56'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'fda8bfc7d12648d8b25c71c6b4ebc241'
                        key: {
                            sys_ui_section: {
                                id: '97ae0b858f564c66ba4ad90fb26e91b1'
                                key: {
                                    name: 'x_mioms_m365ticket_change_request'
                                    caption: 'Change Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.split'
                            position: '5'
                        }
                    },
                    {
                        table: 'sys_ui_form'
                        id: 'fdd274aa32e34e0989fe7aa466d8710b'
                        key: {
                            name: 'x_mioms_m365ticket_api_log'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'fe5aee4be24b43f59b720f9571a5bd08'
                        key: {
                            document_key: '9ccc122dfaa84b65813ebb418cc1c143'
                            variable: 'f0eec4d59f132200ef4afa7dc67fcf6d'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'fec5977cd9854d57ace5331e1398f18f'
                        key: {
                            list_id: {
                                id: 'b6f61dc938e04e36a96905c665d63222'
                                key: {
                                    name: 'x_mioms_m365ticket_incident'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'm365_requested_by'
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
                        table: 'sys_variable_value'
                        id: 'ff4b452868034e178405f7b7221fc0df'
                        key: {
                            document_key: 'c7a6c26224454c1b885d0dfdb1890a80'
                            variable: 'f0eec4d59f132200ef4afa7dc67fcf6d'
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
