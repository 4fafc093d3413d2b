using System.Net;
using System.Net.Sockets;

namespace AlertFunctions.Teams.Tests.Fakes;

/// <summary>Asks the OS for a port nobody is listening on, so parallel tests never collide.</summary>
internal static class FreeTcpPort
{
    public static int Next()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try
        {
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }
}
