metadata description = 'App settings of the function app: the settings the app reads (identical on every plan) plus the platform settings Elastic Premium needs.'

param functionAppName string

@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param hostingPlan string

@description('Settings the alert functions read, identical on every hosting plan. Kept as one object literal in main.bicep so the settings contract is visible in one place.')
param appSettings object

@description('Elastic Premium: URL of the zip package in the deployment container the app runs from.')
param premiumPackageUrl string

// Flex Consumption rejects these as app settings (its runtime lives in functionAppConfig). Elastic Premium runs from a
// package in blob storage read with the app identity, so it needs no Azure Files content share and no account key.
var premiumPlatformSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
  WEBSITE_RUN_FROM_PACKAGE: premiumPackageUrl
  WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID: 'SystemAssigned'
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource functionAppSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: hostingPlan == 'FlexConsumption' ? appSettings : union(premiumPlatformSettings, appSettings)
}
