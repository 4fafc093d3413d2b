using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace AlertFunctions.Testing.Teams;

/// <summary>
/// A real HTTP listener on 127.0.0.1 and a free port that plays the Teams Workflows webhook: it answers from a script (then
/// from <see cref="Fallback"/>) with 202, a status such as 500, 429 with Retry-After, or no answer at all, and records every
/// request, body included. The webhook URL carries a unique fake signature, so tests can prove the secret never leaks.
/// </summary>
public sealed class FakeTeamsEndpoint : IAsyncDisposable
{
    private const int MaxBindAttempts = 10;

    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<FakeResponse> _script = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly ConcurrentBag<Task> _handlers = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    private FakeTeamsEndpoint(HttpListener listener, int port)
    {
        _listener = listener;
        Port = port;
        Signature = "fake-signature-" + Guid.NewGuid().ToString("N");
        WorkflowPath = $"/workflows/{Guid.NewGuid():N}/triggers/manual/paths/invoke";
        WebhookUrl = new Uri(
            $"http://127.0.0.1:{port}{WorkflowPath}?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={Signature}");
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public string Signature { get; }

    public string WorkflowPath { get; }

    public Uri WebhookUrl { get; }

    /// <summary>The answer once the script is used up.</summary>
    public FakeResponse Fallback { get; set; } = FakeResponse.Accepted();

    public IReadOnlyList<ReceivedRequest> Requests => [.. _received];

    /// <summary>The bodies of the requests answered with a 2xx: what Teams would have shown.</summary>
    public IReadOnlyList<string> AcceptedBodies => [.. _received.Where(r => r.AnsweredStatus is >= 200 and < 300).Select(r => r.Body)];

    public static FakeTeamsEndpoint Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeTcpPorts.Pick(1)[0];
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new FakeTeamsEndpoint(listener, port);
            }
            catch (HttpListenerException) when (attempt < MaxBindAttempts)
            {
                // Another process took the port between the probe and the bind; try another.
                listener.Close();
            }
        }
    }

    /// <summary>
    /// The requests once at least <paramref name="count"/> have been recorded, or whatever arrived within
    /// <paramref name="within"/> (10 s by default). A request left unanswered gives the client nothing to wait for, so
    /// when the client gives up on it, the handler that records it may not have run yet on a busy machine.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForRequestsAsync(int count, TimeSpan? within = null)
    {
        var started = TimeProvider.System.GetTimestamp();
        var limit = within ?? TimeSpan.FromSeconds(10);
        while (_received.Count < count && TimeProvider.System.GetElapsedTime(started) < limit)
        {
            await Task.Delay(10);
        }

        return Requests;
    }

    public void Enqueue(params FakeResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        _listener.Close();
        await _loop;
        await Task.WhenAll(_handlers);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (_stopping.IsCancellationRequested && ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            // Stamped here, not in the handler: a handler the thread pool starts late must not make its request look later
            // than it arrived (the throttling test measures the spread of arrivals).
            var receivedAt = TimeProvider.System.GetTimestamp();
            _handlers.Add(Task.Run(() => HandleAsync(context, receivedAt)));
        }
    }

    private async Task HandleAsync(HttpListenerContext context, long receivedAt)
    {
        var request = context.Request;
        void Record(string body, int answeredStatus) =>
            _received.Enqueue(new ReceivedRequest(request.HttpMethod, request.Url!.PathAndQuery, request.ContentType, body, receivedAt, answeredStatus));

        string body;
        try
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException)
        {
            // The client gave up while still sending: it did make the request, so record it, unanswered and without a body.
            Record(string.Empty, 0);
            return;
        }

        var answer = _script.TryDequeue(out var scripted) ? scripted : Fallback;
        Record(body, answer.Hang ? 0 : answer.StatusCode);
        try
        {
            if (answer.Hang)
            {
                await Task.Delay(Timeout.Infinite, _stopping.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
                context.Response.Abort();
                return;
            }

            if (answer.Delay > TimeSpan.Zero)
            {
                await Task.Delay(answer.Delay, _stopping.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
            }

            context.Response.StatusCode = answer.StatusCode;
            if (answer.RetryAfter is not null)
            {
                context.Response.AddHeader("Retry-After", answer.RetryAfter);
            }

            var bytes = Encoding.UTF8.GetBytes(answer.StatusCode is >= 200 and < 300 ? string.Empty : $"{{\"error\":{answer.StatusCode}}}");
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up on this request (attempt timeout) before the answer was written; nothing to answer.
        }
    }
}
