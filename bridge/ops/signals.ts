/**
 * Stopping a Node service on SIGINT or SIGTERM: the signal handling `npm start` (emulator/start.ts) and
 * `npm run bridge` (bridge/start.ts, through bridge/ops/shutdown.ts) share.
 *
 *   onStopSignals(stop, { onForce?, sameSignalMs? }) → remove()
 *       the first SIGINT/SIGTERM calls stop(signal); one arriving within sameSignalMs of it is the same stop; a later
 *       one calls onForce(signal) and exits at once with 128 + the signal's number (130 SIGINT, 143 SIGTERM)
 *   closeWithGrace(server, close, graceMs?)
 *       runs close() (which closes `server`); connections still open after graceMs are cut
 *   trackConnections(server).close(close, graceMs)
 *       the same, but the connections without a request in flight (those that never sent one too) are closed at
 *       once, so a long grace for requests in flight costs nothing when there are none; track before listening
 *   signalExitCode(signal) → 128 + its number, the shell's convention for "ended by this signal"
 *
 * Why the same signal twice is one stop: a terminal's Ctrl-C reaches both npm and node, and npm passes its copy
 * on; systemd's default KillMode=control-group sends SIGTERM to npm and node alike, and npm forwards it again. The
 * two arrive together and are one request to stop, not the operator's "exit now".
 *
 * Why connections are cut: a closing Node server takes no new connections and closes its idle keep-alive ones, but
 * counts a connection that has not sent a request yet as busy; browsers open such connections ahead of need and
 * keep them, and they would hold the stop until the browser lets go (31-96 s, issue 21).
 */
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { constants } from 'node:os'

export type StopSignal = 'SIGINT' | 'SIGTERM'

/** How long a request still running, or a connection that has sent none yet, may hold a stopping server by default. */
export const STOP_GRACE_MS = 750
/** A second signal counts as "exit at once" only this long after the first (see above). */
export const SAME_SIGNAL_MS = 300

export function signalExitCode(signal: StopSignal): number {
    return 128 + constants.signals[signal]
}

export interface StopSignalOptions {
    /** Told before the forced exit, e.g. to print "SIGINT again: exiting without waiting". */
    onForce?: (signal: StopSignal) => void
    sameSignalMs?: number
}

export function onStopSignals(stop: (signal: StopSignal) => void, options: StopSignalOptions = {}): () => void {
    const sameSignalMs = options.sameSignalMs ?? SAME_SIGNAL_MS
    let firstSignalAt: number | null = null
    const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
        const handler = () => {
            if (firstSignalAt !== null) {
                if (Date.now() - firstSignalAt < sameSignalMs) return
                options.onForce?.(signal)
                process.exit(signalExitCode(signal))
            }
            firstSignalAt = Date.now()
            stop(signal)
        }
        process.on(signal, handler)
        return { signal, handler }
    })
    return () => {
        for (const { signal, handler } of handlers) process.off(signal, handler)
    }
}

export async function closeWithGrace(server: HttpServer, close: () => Promise<void>, graceMs = STOP_GRACE_MS): Promise<void> {
    const cut = setTimeout(() => server.closeAllConnections(), graceMs)
    try {
        await close()
    } finally {
        clearTimeout(cut)
    }
}

export interface TrackedConnections {
    /** closeWithGrace, closing at once the connections that have no request in flight. */
    close(close: () => Promise<void>, graceMs: number): Promise<void>
}

export function trackConnections(server: HttpServer): TrackedConnections {
    const requestsInFlight = new Map<Socket, number>()
    let closing = false
    server.on('connection', (socket: Socket) => {
        // A connection that reaches a closing server is not served: Fastify would only answer 503.
        if (closing) return socket.destroy()
        requestsInFlight.set(socket, 0)
        socket.once('close', () => requestsInFlight.delete(socket))
    })
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
        const socket = request.socket
        requestsInFlight.set(socket, (requestsInFlight.get(socket) ?? 0) + 1)
        response.once('close', () => {
            const left = requestsInFlight.get(socket)
            if (left === undefined) return
            requestsInFlight.set(socket, left - 1)
            // Its answer is out: the connection would otherwise wait as keep-alive until the grace cuts it. end(),
            // not destroy(): the answer's last bytes may still be in the socket's buffer.
            if (closing && left === 1) socket.end()
        })
    })
    return {
        close(close, graceMs) {
            return closeWithGrace(
                server,
                async () => {
                    closing = true
                    const closed = close()
                    for (const [socket, count] of requestsInFlight) if (count === 0) socket.end()
                    await closed
                },
                graceMs,
            )
        },
    }
}
