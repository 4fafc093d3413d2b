metadata description = 'Hosting plan and Linux function app (dotnet-isolated 10.0) with a system-assigned identity. App settings are applied by appsettings.bicep.'

param functionAppName string

param planName string

param location string

param tags object

@description('FlexConsumption scales to zero per function; ElasticPremium keeps warm instances for steady load.')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param hostingPlan string

@description('Blob container URL Flex Consumption deploys packages to (ignored on Elastic Premium).')
param deploymentContainerUrl string

@description('Flex Consumption: upper bound on instances.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Flex Consumption: memory per instance.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Elastic Premium: instance size.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param premiumSkuName string = 'EP1'

@description('Elastic Premium: upper bound on instances.')
@minValue(1)
@maxValue(100)
param premiumMaximumWorkerCount int = 20

var isFlexConsumption = hostingPlan == 'FlexConsumption'

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: isFlexConsumption ? 'functionapp' : 'elastic'
  sku: isFlexConsumption
    ? {
        name: 'FC1'
        tier: 'FlexConsumption'
      }
    : {
        name: premiumSkuName
        tier: 'ElasticPremium'
      }
  properties: {
    // Linux.
    reserved: true
    maximumElasticWorkerCount: isFlexConsumption ? null : premiumMaximumWorkerCount
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // Flex Consumption takes its runtime from functionAppConfig and rejects linuxFxVersion.
      linuxFxVersion: isFlexConsumption ? null : 'DOTNET-ISOLATED|10.0'
      minimumElasticInstanceCount: isFlexConsumption ? null : 1
    }
    functionAppConfig: isFlexConsumption
      ? {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: deploymentContainerUrl
              authentication: {
                type: 'SystemAssignedIdentity'
              }
            }
          }
          scaleAndConcurrency: {
            maximumInstanceCount: maximumInstanceCount
            instanceMemoryMB: instanceMemoryMB
          }
          runtime: {
            name: 'dotnet-isolated'
            version: '10.0'
          }
        }
      : null
  }
}

// Deployments authenticate with Entra ID; publishing passwords are turned off.
resource ftpPublishingCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishingCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

output functionAppName string = functionApp.name

output defaultHostName string = functionApp.properties.defaultHostName

output principalId string = functionApp.identity.principalId
