/** The full customer-360 screen query: what the frontend asks for one customer. The abuse limits must let it through. */
export const CUSTOMER_360_QUERY = /* GraphQL */ `
  query Customer360($id: ID!) {
    customer(id: $id) {
      id name idType idNumber phone birthDate age gender lifeStage residency nationality occupation employerSector
      student legalCapacity idVerified investorType investorTypeBasis tier activity version lastActivityAt
      personalAnnualIncome { amount currency }
      householdAnnualIncome { amount currency }
      householdFinancialAssets { amount currency }
      riskProfile { level lowestCategory investorType experienceYears assessedAt expiresAt expired }
      totalAssets { amount currency }
      productCoverage { linesHeld linesTotal ratio lines }
      manager { id name branch { id name } }
      branch { id name }
      holdings(first: 50) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id quantity status openedAt cost { amount currency } marketValue { amount currency } marketValueCny { amount currency }
          product { id code name nameZh nameEn line issuer riskRating currency status saleStart saleEnd liquidity function coolingOffHours
            minimumAmount { amount currency } amountStep } } }
      }
      eligibleProducts(first: 20) {
        totalCount
        edges { node { id code name line riskRating minimumAmount { amount currency } } }
      }
      contacts(first: 10) { totalCount edges { node { id } } }
      complaints(first: 10) { totalCount edges { node { id } } }
    }
  }
`;
