namespace AlertFunctions.Infra.Tests;

/// <summary>Every test class that reads the compiled template shares one bicep build: starting bicep costs seconds.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledMainTemplateCollection : ICollectionFixture<CompiledMainTemplate>
{
    public const string Name = "Compiled main template";
}
