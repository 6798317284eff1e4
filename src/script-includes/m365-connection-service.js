// Script include M365ConnectionService: a thin bridge to src/server/services/script-api.ts for
// the Microsoft 365 tenant connections:
//   new x_mioms_m365ticket.M365ConnectionService().getStatus('72f988bf-86f1-41af-91ab-2d7cd011db47')
var M365ConnectionService = Class.create()
M365ConnectionService.prototype = {
    initialize: function () {
        this._api = require('x_mioms_m365ticket/m365-ticketing-connector/1.0.0/src/server/services/script-api.ts')
    },

    getStatus: function (tenantId) {
        return this._api.tenantConnectionStatus(tenantId)
    },

    listConnections: function () {
        return this._api.listConnectionStatuses()
    },

    /** Disconnects the tenant and revokes its integration user's tokens; returns {revokedTokens}. */
    disconnect: function (tenantId) {
        return this._api.disconnectTenant(tenantId)
    },

    type: 'M365ConnectionService',
}
