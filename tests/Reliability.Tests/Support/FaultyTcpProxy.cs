using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace PmfBot.Reliability.Tests.Support;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of a server (PostgreSQL here) that a test can break like a
/// network does: <see cref="CutAll"/> resets every open connection at once (a dropped connection,
/// mid-transaction when timed so); <see cref="SwallowReplies"/> lets requests through but loses the
/// server's answers (the server acts, the client never hears), until the cut.
/// </summary>
public sealed class FaultyTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _upstream;
    private readonly ConcurrentDictionary<int, (Socket Client, Socket Server)> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _next;
    private volatile bool _swallowReplies;

    public FaultyTcpProxy(string upstreamHost, int upstreamPort)
    {
        _upstream = new IPEndPoint(Dns.GetHostAddresses(upstreamHost).First(a => a.AddressFamily == AddressFamily.InterNetwork), upstreamPort);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections cut so far (each counted once).</summary>
    public int Cuts { get; private set; }

    public int OpenConnections => _open.Count;

    /// <summary>Resets every open connection (RST, as a lost network path or a crashed peer looks). New connections still go through.</summary>
    public void CutAll()
    {
        foreach (var (id, pair) in _open)
        {
            if (_open.TryRemove(id, out _))
            {
                Cuts++;
                Reset(pair.Client);
                Reset(pair.Server);
            }
        }

        _swallowReplies = false;
    }

    /// <summary>From now until <see cref="CutAll"/>, the server's answers are read and dropped.</summary>
    public void SwallowReplies() => _swallowReplies = true;

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        CutAll();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptSocketAsync(_stop.Token);
            var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            client.NoDelay = true;
            try
            {
                await server.ConnectAsync(_upstream, _stop.Token);
            }
            catch (SocketException)
            {
                Reset(client);
                continue;
            }

            var id = Interlocked.Increment(ref _next);
            _open[id] = (client, server);
            _ = PumpAsync(id, client, server, replies: false);
            _ = PumpAsync(id, server, client, replies: true);
        }
    }

    private async Task PumpAsync(int id, Socket from, Socket to, bool replies)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                    break;
                if (replies && _swallowReplies)
                    continue;
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // the other side went, or the test cut it
        }

        if (_open.TryRemove(id, out var pair))
        {
            pair.Client.Dispose();
            pair.Server.Dispose();
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // already gone
        }
    }
}
