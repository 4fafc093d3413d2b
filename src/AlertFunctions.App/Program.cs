using AlertFunctions.App;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.Services.AddAlertFunctionsApp(builder.Configuration);

builder.Build().Run();
