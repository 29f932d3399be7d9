namespace Ferret.Server.Hosting;

/// <summary>What the CLI calls: settings from its options and the data folder's file, then a server started.</summary>
public static class ServerLauncher
{
    /// <summary>Starts a server; it runs until disposed.</summary>
    public static async Task<FerretServer> StartAsync(ServeOptions options, TextWriter console)
    {
        var settings = SettingsFile.Apply(options.ToSettings());
        var server = new FerretServer(settings, console);
        try
        {
            await server.StartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }
}
