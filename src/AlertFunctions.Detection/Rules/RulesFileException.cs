namespace AlertFunctions.Detection.Rules;

/// <summary>The rules file is unreadable or holds invalid values; the message lists every problem with its location.</summary>
public sealed class RulesFileException(string message) : Exception(message);
