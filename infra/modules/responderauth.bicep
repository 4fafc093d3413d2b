metadata description = 'App Service Authentication (Easy Auth) with Microsoft Entra ID for the responder pages: anonymous requests still reach the function-key API, and the responder routes answer 401 with a sign-in link until the user signs in.'

@description('Name of the existing function app.')
param functionAppName string

@description('Application (client) id of the Entra app registration responders sign in with.')
param clientId string

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      // Scripts call the API with a function key and no user; the responder pages themselves demand a signed-in user.
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${clientId}'
            clientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}
