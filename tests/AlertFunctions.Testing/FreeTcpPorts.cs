using System.Net;
using System.Net.Sockets;

namespace AlertFunctions.Testing;

/// <summary>
/// Asks the OS for unused loopback ports. The listeners are held open together so the ports are distinct,
/// then released for the child process to take; a race with another process is possible, so callers retry on failure.
/// </summary>
public static class FreeTcpPorts
{
    public static IReadOnlyList<int> Pick(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
