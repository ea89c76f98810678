<?xml version="1.0" encoding="UTF-8"?>
<!-- kngg: Stakeholdersanalyse per persoon en niveau, met verloop en volgende acties (1.2, 1.7, 2.5) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:include href="common.xsl"/>
  <xsl:param name="today"/>
  <xsl:param name="area"/>

  <xsl:variable name="people" select="/kngg-export/stakeholders/stakeholder[not(@erased = 'true')]"/>
  <!-- Wie telt als gecommitteerd: zonder gebied het oordeel van kngg, met
       gebied de laatste analyse voor dat gebied (vanaf 'toegezegd'). -->
  <xsl:variable name="committed" select="$people[($area = '' and @committed = 'true') or ($area != '' and assessments/assessment[@area = $area][last()][@commitment = 'toegezegd' or @commitment = 'formeel-vastgelegd'])]"/>
  <xsl:variable name="not-committed" select="$people[count(. | $committed) != count($committed)]"/>

  <xsl:template match="/kngg-export">
    <document title="Stakeholdersanalyse" subtitle="Kind naar Gezonder Gewicht in {@name}{substring(concat(', gebied ', $area), 1, 1000 * number($area != ''))}">
      <xsl:call-template name="kngg-header">
        <xsl:with-param name="today" select="$today"/>
        <xsl:with-param name="extra">
          <xsl:if test="$area != ''">
            <br/><b>Gebied:</b><xsl:text> </xsl:text><xsl:value-of select="$area"/>
            <xsl:text> (alleen analyses voor dit gebied; wie daar nog niet is geanalyseerd, staat er wel in)</xsl:text>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <p>Per persoon: belang, invloed, urgentie, houding en commitment volgens de laatste analyse, met het verloop van eerdere analyses. Iemand telt pas als gecommitteerd na een uitdrukkelijke toezegging; geïnformeerd of betrokken zijn is nog geen commitment.</p>
      <xsl:if test="$area != '' and not(phases/phase[@number = 2]/runs/run[@label = $area])">
        <p><i>Let op:</i> gebied <xsl:value-of select="$area"/> staat niet tussen de gebieden van fase 2.</p>
      </xsl:if>

      <h1>Overzicht</h1>
      <xsl:call-template name="kngg-stakeholder-table">
        <xsl:with-param name="people" select="$people"/>
        <xsl:with-param name="area" select="$area"/>
      </xsl:call-template>

      <h1>Wie doet mee en wie is alleen op de hoogte</h1>
      <xsl:if test="$area != ''">
        <p>Hier telt alleen commitment uit een analyse voor gebied <xsl:value-of select="$area"/>.</p>
      </xsl:if>
      <h2>Met commitment</h2>
      <xsl:choose>
        <xsl:when test="$committed">
          <ul><xsl:for-each select="$committed"><li><xsl:call-template name="person-line"/></li></xsl:for-each></ul>
        </xsl:when>
        <xsl:otherwise><p>Nog niemand heeft uitdrukkelijk toegezegd bij te dragen.</p></xsl:otherwise>
      </xsl:choose>
      <h2>Nog zonder commitment</h2>
      <xsl:choose>
        <xsl:when test="$not-committed">
          <ul><xsl:for-each select="$not-committed"><li><xsl:call-template name="person-line"/></li></xsl:for-each></ul>
        </xsl:when>
        <xsl:when test="not($people)"><p>Er staat nog niemand in het register. <fill>wie als eerste benaderd wordt</fill></p></xsl:when>
        <xsl:otherwise><p>Iedereen in het register heeft commitment gegeven.</p></xsl:otherwise>
      </xsl:choose>
      <xsl:variable name="orgs-without" select="organisations/organisation[not(@name = $committed/@organisation)]"/>
      <xsl:if test="$orgs-without">
        <p>Organisaties waar nog niemand zich heeft verbonden:</p>
        <ul>
          <xsl:for-each select="$orgs-without"><li><xsl:value-of select="@name"/> (<xsl:value-of select="@type_title"/>)</li></xsl:for-each>
        </ul>
      </xsl:if>

      <h1>Invloed en belang</h1>
      <p>Waar iedereen staat volgens de laatste analyse. Rechtsboven zitten de mensen die het meest tellen en het meest willen.</p>
      <table>
        <tr><th>Invloed / belang</th><th>Belang laag</th><th>Belang middel</th><th>Belang hoog</th></tr>
        <xsl:call-template name="grid-row"><xsl:with-param name="inf" select="'hoog'"/></xsl:call-template>
        <xsl:call-template name="grid-row"><xsl:with-param name="inf" select="'middel'"/></xsl:call-template>
        <xsl:call-template name="grid-row"><xsl:with-param name="inf" select="'laag'"/></xsl:call-template>
      </table>

      <h1>Per niveau</h1>
      <xsl:call-template name="level">
        <xsl:with-param name="title" select="'Bestuurlijk'"/>
        <xsl:with-param name="group" select="$people[@level = 'bestuurlijk']"/>
      </xsl:call-template>
      <xsl:call-template name="level">
        <xsl:with-param name="title" select="'Management'"/>
        <xsl:with-param name="group" select="$people[@level = 'management']"/>
      </xsl:call-template>
      <xsl:call-template name="level">
        <xsl:with-param name="title" select="'Uitvoerend'"/>
        <xsl:with-param name="group" select="$people[@level = 'uitvoerend']"/>
      </xsl:call-template>
      <xsl:variable name="other" select="$people[not(@level = 'bestuurlijk' or @level = 'management' or @level = 'uitvoerend')]"/>
      <xsl:if test="$other">
        <xsl:call-template name="level">
          <xsl:with-param name="title" select="'Ander of onbekend niveau'"/>
          <xsl:with-param name="group" select="$other"/>
        </xsl:call-template>
      </xsl:if>

      <xsl:call-template name="kngg-source-note"/>
    </document>
  </xsl:template>

  <!-- "Naam (organisatie, niveau): commitment sinds datum" -->
  <xsl:template name="person-line">
    <xsl:variable name="last" select="assessments/assessment[$area = '' or @area = $area][last()]"/>
    <xsl:call-template name="kngg-person-name"/>
    <xsl:text> (</xsl:text><xsl:value-of select="@organisation"/>
    <xsl:if test="@level">, <xsl:value-of select="@level"/></xsl:if>
    <xsl:text>): </xsl:text>
    <xsl:choose>
      <xsl:when test="$last">
        <xsl:call-template name="kngg-commitment-label"><xsl:with-param name="value" select="$last/@commitment"/></xsl:call-template>
        <xsl:text> sinds </xsl:text><xsl:value-of select="$last/@date"/>
        <xsl:if test="$area = '' and @committed != 'true' and ($last/@commitment = 'toegezegd' or $last/@commitment = 'formeel-vastgelegd')">, telt niet meer mee: opnieuw bevestigen</xsl:if>
      </xsl:when>
      <xsl:when test="$area != ''">geen analyse voor dit gebied</xsl:when>
      <xsl:otherwise>nog niet geanalyseerd</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="grid-row">
    <xsl:param name="inf"/>
    <tr>
      <td><b>Invloed <xsl:value-of select="$inf"/></b></td>
      <xsl:call-template name="grid-cell"><xsl:with-param name="inf" select="$inf"/><xsl:with-param name="int" select="'laag'"/></xsl:call-template>
      <xsl:call-template name="grid-cell"><xsl:with-param name="inf" select="$inf"/><xsl:with-param name="int" select="'middel'"/></xsl:call-template>
      <xsl:call-template name="grid-cell"><xsl:with-param name="inf" select="$inf"/><xsl:with-param name="int" select="'hoog'"/></xsl:call-template>
    </tr>
  </xsl:template>

  <xsl:template name="grid-cell">
    <xsl:param name="inf"/>
    <xsl:param name="int"/>
    <xsl:variable name="here" select="$people[assessments/assessment[$area = '' or @area = $area][last()][@influence = $inf and @interest = $int]]"/>
    <td>
      <xsl:for-each select="$here">
        <xsl:call-template name="kngg-person-name"/>
        <xsl:if test="position() != last()">, </xsl:if>
      </xsl:for-each>
      <xsl:if test="not($here)">-</xsl:if>
    </td>
  </xsl:template>

  <!-- Een niveau: per persoon de laatste analyse, het verloop en een actie. -->
  <xsl:template name="level">
    <xsl:param name="title"/>
    <xsl:param name="group"/>
    <h2><xsl:value-of select="$title"/></h2>
    <xsl:choose>
      <xsl:when test="not($group)">
        <p>Op dit niveau staat nog niemand in het register. <fill>wie op dit niveau nog gesproken moet worden</fill></p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$group">
          <xsl:variable name="mine" select="assessments/assessment[$area = '' or @area = $area]"/>
          <xsl:variable name="last" select="$mine[last()]"/>
          <h3><xsl:call-template name="kngg-person-name"/><xsl:if test="@function">, <xsl:value-of select="@function"/></xsl:if></h3>
          <p>
            <b>Organisatie:</b><xsl:text> </xsl:text><xsl:value-of select="@organisation"/>
            <xsl:variable name="org" select="/kngg-export/organisations/organisation[@name = current()/@organisation]"/>
            <xsl:if test="$org/@type_title"> (<xsl:value-of select="$org/@type_title"/>)</xsl:if>
            <br/><b>Rol in het project:</b><xsl:text> </xsl:text><xsl:choose>
              <xsl:when test="roles/role[not(@until)] or not(roles/role)"><xsl:call-template name="kngg-current-roles"/></xsl:when>
              <xsl:otherwise>geen meer</xsl:otherwise>
            </xsl:choose>
            <xsl:for-each select="roles/role[@until]">
              <xsl:if test="position() = 1"> (eerder: </xsl:if>
              <xsl:value-of select="@title"/> tot <xsl:value-of select="@until"/>
              <xsl:choose>
                <xsl:when test="position() != last()">, </xsl:when>
                <xsl:otherwise>)</xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
            <xsl:for-each select="/kngg-export/risks/risk[@person = current()/@id]">
              <br/><i>Let op:</i><xsl:text> </xsl:text>
              <xsl:call-template name="kngg-without-command"><xsl:with-param name="text" select="@text"/></xsl:call-template>
            </xsl:for-each>
          </p>
          <xsl:choose>
            <xsl:when test="$last">
              <table>
                <tr><th>Belang</th><th>Invloed</th><th>Urgentie</th><th>Houding</th><th>Commitment</th><th>Laatste analyse</th></tr>
                <tr>
                  <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="$last/@interest"/></xsl:call-template></td>
                  <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="$last/@influence"/></xsl:call-template></td>
                  <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="$last/@urgency"/></xsl:call-template></td>
                  <td><xsl:call-template name="kngg-date"><xsl:with-param name="date" select="$last/@stance"/></xsl:call-template></td>
                  <td><xsl:call-template name="kngg-commitment-label"><xsl:with-param name="value" select="$last/@commitment"/></xsl:call-template></td>
                  <td>
                    <xsl:value-of select="$last/@date"/>
                    <xsl:if test="$last/@round"> (ronde <xsl:value-of select="$last/@round"/>)</xsl:if>
                  </td>
                </tr>
              </table>
              <xsl:if test="$last/@note"><p><i>Notitie:</i><xsl:text> </xsl:text><xsl:value-of select="$last/@note"/></p></xsl:if>
              <xsl:if test="count($mine) &gt; 1">
                <p>Verloop van de analyses:</p>
                <xsl:call-template name="kngg-assessment-history"><xsl:with-param name="assessments" select="$mine"/></xsl:call-template>
              </xsl:if>
            </xsl:when>
            <xsl:when test="$area != ''">
              <p>Nog geen analyse voor gebied <xsl:value-of select="$area"/><xsl:if test="assessments/assessment"> (wel <xsl:value-of select="count(assessments/assessment)"/> elders of algemeen)</xsl:if>. <fill>belang, invloed, urgentie, houding en commitment in dit gebied</fill></p>
            </xsl:when>
            <xsl:otherwise>
              <p>Nog niet geanalyseerd. <fill>belang, invloed, urgentie, houding en commitment</fill></p>
            </xsl:otherwise>
          </xsl:choose>
          <p><b>Volgende actie:</b><xsl:text> </xsl:text><fill>wat we met <xsl:call-template name="kngg-person-name"/> willen bereiken, wie het gesprek voert en wanneer</fill></p>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
