using AlertFunctions.Cli.Send;

namespace AlertFunctions.Cli.Tests;

public sealed class SecretRedactorTests
{
    private const string Key = "Zm9vYmFyLXNlY3JldC1rZXk9PQ==";
    private const string ConnectionString = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=" + Key;

    [Fact]
    public void Redact_TheWholeConnectionString_IsReplaced()
    {
        var text = new SecretRedactor(ConnectionString).Redact($"could not use '{ConnectionString}'");

        Assert.Equal("could not use '<redacted>'", text);
    }

    [Fact]
    public void Redact_TheKeyAlone_IsReplaced()
    {
        var text = new SecretRedactor(ConnectionString).Redact($"token for key {Key} rejected");

        Assert.Equal("token for key <redacted> rejected", text);
    }

    [Fact]
    public void Redact_AnotherSharedAccessKeyAssignment_IsReplacedEvenWithoutAConnectionString()
    {
        var text = new SecretRedactor(null).Redact("Endpoint=sb://x/;SharedAccessKeyName=root;SharedAccessKey=abc+/=;EntityPath=h and more");

        Assert.Equal("Endpoint=sb://x/;SharedAccessKeyName=root;SharedAccessKey=<redacted>;EntityPath=h and more", text);
    }

    [Fact]
    public void Redact_KeyFollowedByABracket_KeepsTheBracket()
    {
        var text = new SecretRedactor(null).Redact("(Endpoint=sb://x/;SharedAccessKey=KEY[;EntityPath=HUB]) and (SharedAccessKey=abc+/=)");

        Assert.Equal("(Endpoint=sb://x/;SharedAccessKey=<redacted>[;EntityPath=HUB]) and (SharedAccessKey=<redacted>)", text);
    }

    [Fact]
    public void Redact_SharedAccessSignature_IsReplacedUpToTheNextSemicolon()
    {
        var text = new SecretRedactor(null).Redact("Endpoint=sb://x/;SharedAccessSignature=SharedAccessSignature sr=x&sig=abc%3D&se=1&skn=send;EntityPath=h");

        Assert.Equal("Endpoint=sb://x/;SharedAccessSignature=<redacted>;EntityPath=h", text);
    }

    [Fact]
    public void Redact_SignatureParameterInAUrl_IsReplaced()
    {
        var text = new SecretRedactor(null).Redact("GET https://x/?sr=y&sig=abc%2Bdef&se=1 failed");

        Assert.Equal("GET https://x/?sr=y&sig=<redacted>&se=1 failed", text);
    }

    [Fact]
    public void Redact_TextWithoutSecrets_IsUnchanged()
    {
        const string Text = "The messaging entity 'sb://ns.servicebus.windows.net/withdrawals' could not be found. SharedAccessKeyName=send";

        Assert.Equal(Text, new SecretRedactor(ConnectionString).Redact(Text));
    }
}
