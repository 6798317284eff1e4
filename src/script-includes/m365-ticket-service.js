// Script include M365TicketService: a thin bridge to src/server/services/script-api.ts, so that
// flows, business rules and other scopes can reach the connector's tickets by name:
//   new x_mioms_m365ticket.M365TicketService().createTicketFromTask({ tenantId: ..., taskId: ..., ... })
// The require path is the module's platform path (scope/package/version/source path).
var M365TicketService = Class.create()
M365TicketService.prototype = {
    initialize: function () {
        this._api = require('x_mioms_m365ticket/m365-ticketing-connector/1.0.0/src/server/services/script-api.ts')
    },

    /** Creates (or replays) the ticket for a Microsoft 365 task; returns {ticket, created}. */
    createTicketFromTask: function (task) {
        return this._api.createTicketFromTask(task)
    },

    getTicket: function (tenantId, number) {
        return this._api.findTicket(tenantId, number)
    },

    listTickets: function (tenantId, limit) {
        return this._api.listTenantTickets(tenantId, limit)
    },

    type: 'M365TicketService',
}
