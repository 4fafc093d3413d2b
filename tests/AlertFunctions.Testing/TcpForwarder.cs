using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace AlertFunctions.Testing;

/// <summary>
/// A TCP relay on a free loopback port to a target port (an Azurite endpoint), that can be taken down and brought back on the
/// same port: while down the port is closed, so clients see "connection refused" and open connections are cut, exactly as when
/// a storage endpoint becomes unreachable. Clients keep their endpoint across the outage.
/// </summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    private const int MaxBindAttempts = 10;

    private readonly int _targetPort;
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _running;
    private Task? _acceptLoop;

    private TcpForwarder(int targetPort, int port)
    {
        _targetPort = targetPort;
        Port = port;
    }

    public int Port { get; }

    public bool IsUp => _listener is not null;

    public static TcpForwarder Start(int targetPort)
    {
        for (var attempt = 1; ; attempt++)
        {
            var forwarder = new TcpForwarder(targetPort, FreeTcpPorts.Pick(1)[0]);
            try
            {
                forwarder.Up();
                return forwarder;
            }
            catch (SocketException) when (attempt < MaxBindAttempts)
            {
                // The port was taken between the probe and the bind; try another.
            }
        }
    }

    /// <summary>Listens again on <see cref="Port"/>.</summary>
    public void Up()
    {
        if (_listener is not null)
        {
            return;
        }

        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();
        _listener = listener;
        _running = new CancellationTokenSource();
        var token = _running.Token;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(listener, token));
    }

    /// <summary>Closes the port and cuts every open connection.</summary>
    public async Task DownAsync()
    {
        if (_listener is null)
        {
            return;
        }

        await _running!.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        _listener = null;
        foreach (var connection in _connections.Keys)
        {
            // A zero linger resets the connection, as a vanished endpoint does; the relay may have disposed it already.
            connection.Client?.Close(0);
            connection.Dispose();
        }

        _connections.Clear();
        await _acceptLoop!.ConfigureAwait(false);
        _running.Dispose();
        _running = null;
    }

    public async ValueTask DisposeAsync() => await DownAsync().ConfigureAwait(false);

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => RelayAsync(client, cancellationToken), CancellationToken.None);
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var target = new TcpClient();
        _connections[client] = 0;
        _connections[target] = 0;
        try
        {
            await target.ConnectAsync(IPAddress.Loopback, _targetPort, cancellationToken).ConfigureAwait(false);
            var clientStream = client.GetStream();
            var targetStream = target.GetStream();
            await Task.WhenAny(
                clientStream.CopyToAsync(targetStream, cancellationToken),
                targetStream.CopyToAsync(clientStream, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side went away (or the forwarder went down); closing both ends below is all there is to do.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            _connections.TryRemove(target, out _);
            client.Dispose();
            target.Dispose();
        }
    }
}
