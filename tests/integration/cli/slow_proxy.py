# An HTTP CONNECT proxy that relays server bytes slowly, so a download can be caught mid-way.
import select
import socket
import threading


class SlowProxy:
    """Listens on 127.0.0.1; tunnels CONNECT to the requested host, passing at most
    `rate` bytes per second from the server to the client. The TLS inside is untouched."""

    def __init__(self, rate=24 * 1024):
        self.rate = rate
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.closed = False
        self.tunnels = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self):
        self.closed = True
        self.sock.close()

    def _accept(self):
        while not self.closed:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client):
        try:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = client.recv(4096)
                if not chunk:
                    return
                head += chunk
            request = head.split(b"\r\n", 1)[0].decode()
            method, target, _ = request.split(" ", 2)
            if method != "CONNECT":
                client.sendall(b"HTTP/1.1 405 Method Not Allowed\r\n\r\n")
                return
            host, port = target.rsplit(":", 1)
            upstream = socket.create_connection((host, int(port)), timeout=30)
            self.tunnels += 1
            client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            self._relay(client, upstream)
        except (OSError, ValueError):
            pass
        finally:
            client.close()

    def _relay(self, client, upstream):
        chunk_size = max(1, self.rate // 10)
        try:
            while not self.closed:
                ready, _, _ = select.select([client, upstream], [], [], 1.0)
                if client in ready:
                    data = client.recv(65536)
                    if not data:
                        return
                    upstream.sendall(data)
                if upstream in ready:
                    data = upstream.recv(chunk_size)
                    if not data:
                        return
                    client.sendall(data)
                    select.select([], [], [], 0.1)
        except OSError:
            return
        finally:
            upstream.close()
